import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";

/** Public totals and the map for everyone; the network's own space (its categories) for signed-in members. */
export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { user } = await parent();
  const [overview, map, categories] = await Promise.all([
    loadFromApi(url, () => callEndpoint(endpoints.network.overview, {}, { fetch })),
    // The map is a bonus over the totals and the table: the page still works without it.
    callEndpoint(endpoints.network.map, {}, { fetch }).catch(() => null),
    user ? loadFromApi(url, () => callEndpoint(endpoints.network.categories, {}, { fetch })) : Promise.resolve(null),
  ]);
  return { overview, map, categories: categories?.categories ?? null };
};
