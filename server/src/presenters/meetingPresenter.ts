import type { MeetingSummary } from "@forum/shared";
import type { MeetingDocument } from "../models/Meeting.js";

export const presentMeeting = (meeting: MeetingDocument, group: { slug: string; name: string }): MeetingSummary => ({
  id: meeting._id.toString(),
  number: meeting.number,
  title: meeting.title,
  startsAt: meeting.startsAt.toISOString(),
  endsAt: meeting.endsAt.toISOString(),
  venue: meeting.venue ?? "",
  onlineUrl: meeting.onlineUrl ?? null,
  status: meeting.status,
  group,
});
