import type { PageLoad } from "./$types";
import type { GroupDetail } from "@forum/shared/api";
import { api } from "#lib/api.ts";
import { UNREAD_DEPENDENCY } from "#lib/activity.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = ({ fetch, url, params, depends }) => {
  depends(UNREAD_DEPENDENCY);
  return loadFromApi(url, () => api.get<GroupDetail>(`/groups/${encodeURIComponent(params.slug)}`, { fetch }));
};
