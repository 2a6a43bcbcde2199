import type { PageLoad } from "./$types";
import type { GroupList, HomeOverview, NetworkOverview } from "@forum/shared/api";
import { api } from "#lib/api.ts";
import { UNREAD_DEPENDENCY } from "#lib/activity.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, url, parent, depends }) => {
  depends(UNREAD_DEPENDENCY);
  const { user } = await parent();
  const noGroups: GroupList = { groups: [], unread: { groups: {}, network: 0 } };
  const [network, mine, home] = await Promise.all([
    loadFromApi(url, () => api.get<NetworkOverview>("/network", { fetch })),
    user ? api.get<GroupList>("/groups", { fetch }).catch(() => noGroups) : Promise.resolve(null),
    // The personal part is a bonus: the page still works when it cannot be loaded.
    user ? api.get<HomeOverview>("/home", { fetch }).catch(() => null) : Promise.resolve(null),
  ]);
  return { network, myGroups: mine?.groups ?? null, unread: mine?.unread ?? noGroups.unread, home };
};
