import type { PageLoad } from "./$types";
import type { GroupList } from "@forum/shared/api";
import { api } from "#lib/api.ts";
import { UNREAD_DEPENDENCY } from "#lib/activity.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, url, depends }) => {
  depends(UNREAD_DEPENDENCY);
  const { groups, unread } = await loadFromApi(url, () => api.get<GroupList>("/groups", { fetch }));
  return { groups, unread };
};
