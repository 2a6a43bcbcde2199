import type { PageLoad } from "./$types";
import type { GroupList } from "@forum/shared/api";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { UNREAD_DEPENDENCY } from "#lib/activity.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, url, parent, depends }) => {
  depends(UNREAD_DEPENDENCY);
  const { user } = await parent();
  const noGroups: GroupList = { groups: [], unread: { groups: {}, network: 0 } };
  const [network, mine, home] = await Promise.all([
    loadFromApi(url, () => callEndpoint(endpoints.network.overview, {}, { fetch })),
    user ? callEndpoint(endpoints.network.groups, {}, { fetch }).catch(() => noGroups) : Promise.resolve(null),
    // The personal part is a bonus: the page still works when it cannot be loaded.
    user ? callEndpoint(endpoints.network.home, {}, { fetch }).catch(() => null) : Promise.resolve(null),
  ]);
  return { network, myGroups: mine?.groups ?? null, unread: mine?.unread ?? noGroups.unread, home };
};
