import type { PageLoad } from "./$types";
import type { GroupSummary, HomeOverview, NetworkOverview } from "@forum/shared/api";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { user } = await parent();
  const [network, myGroups, home] = await Promise.all([
    loadFromApi(url, () => api.get<NetworkOverview>("/network", { fetch })),
    user
      ? api
          .get<{ groups: GroupSummary[] }>("/groups", { fetch })
          .then((response) => response.groups)
          .catch(() => [] as GroupSummary[])
      : Promise.resolve(null),
    // The personal part is a bonus: the page still works when it cannot be loaded.
    user ? api.get<HomeOverview>("/home", { fetch }).catch(() => null) : Promise.resolve(null),
  ]);
  return { network, myGroups, home };
};
