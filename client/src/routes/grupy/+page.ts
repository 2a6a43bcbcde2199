import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { UNREAD_DEPENDENCY } from "#lib/activity.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, url, depends }) => {
  depends(UNREAD_DEPENDENCY);
  const { groups, unread } = await loadFromApi(url, () => callEndpoint(endpoints.network.groups, {}, { fetch }));
  return { groups, unread };
};
