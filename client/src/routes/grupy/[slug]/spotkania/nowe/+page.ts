import type { PageLoad } from "./$types";
import type { GroupDetail } from "@forum/shared/api";
import type { GroupMeetingsView } from "@forum/shared/meetingPlanning";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, url, params }) => {
  const slug = encodeURIComponent(params.slug);
  const [detail, meetings] = await Promise.all([
    loadFromApi(url, () => api.get<GroupDetail>(`/groups/${slug}`, { fetch })),
    loadFromApi(url, () => api.get<GroupMeetingsView>(`/groups/${slug}/meetings`, { fetch })),
  ]);
  return { group: detail.group, meetings };
};
