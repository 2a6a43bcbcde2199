import type { PageLoad } from "./$types";
import type { CategorySummary, NetworkOverview } from "@forum/shared/api";
import type { NetworkMap } from "@forum/shared/network";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

/** Public totals and the map for everyone; the network's own space (its categories) for signed-in members. */
export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { user } = await parent();
  const [overview, map, categories] = await Promise.all([
    loadFromApi(url, () => api.get<NetworkOverview>("/network", { fetch })),
    // The map is a bonus over the totals and the table: the page still works without it.
    api.get<NetworkMap>("/network/map", { fetch }).catch(() => null),
    user
      ? loadFromApi(url, () => api.get<{ categories: CategorySummary[] }>("/network/categories", { fetch }))
      : Promise.resolve(null),
  ]);
  return { overview, map, categories: categories?.categories ?? null };
};
