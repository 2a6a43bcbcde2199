import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, url, params }) => {
  const address = { params: { slug: params.slug } };
  const [detail, meetings] = await Promise.all([
    loadFromApi(url, () => callEndpoint(endpoints.network.group, address, { fetch })),
    loadFromApi(url, () => callEndpoint(endpoints.meetings.groupMeetings, address, { fetch })),
  ]);
  return { group: detail.group, meetings };
};
