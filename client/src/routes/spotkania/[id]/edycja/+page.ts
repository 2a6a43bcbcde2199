import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, url, params }) => {
  const { meeting } = await loadFromApi(url, () =>
    callEndpoint(endpoints.meetings.detail, { params: { id: params.id } }, { fetch }),
  );
  // The group's other sessions: their numbers are refused in the plan form as soon as they are chosen.
  const meetings = await loadFromApi(url, () =>
    callEndpoint(endpoints.meetings.groupMeetings, { params: { slug: meeting.group.slug } }, { fetch }),
  );
  const takenNumbers = [...meetings.upcoming, ...meetings.past]
    .filter((other) => other.id !== meeting.id)
    .map((other) => other.number);
  return { meeting, takenNumbers };
};
