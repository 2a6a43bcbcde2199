import type { AgendaItemView, MeetingView } from "@forum/shared";
import { can, type Actor } from "../policies/index.js";
import type { AgendaItemDocument, MeetingDocument } from "../models/Meeting.js";

export interface MeetingGroup {
  _id: { toString(): string };
  slug: string;
  name: string;
}

const presentAgendaItem = (item: AgendaItemDocument): AgendaItemView => ({
  id: item._id.toString(),
  day: item.day === 2 ? 2 : 1,
  startTime: item.startTime,
  endTime: item.endTime,
  title: item.title,
  speaker: item.speaker ?? "",
  description: item.description ?? "",
  // Materials are resolved from Attachment documents by the meetings module.
  materials: [],
});

/** A meeting as the given person sees it (the plan, and what they may do with it). */
export function presentMeetingView(meeting: MeetingDocument, group: MeetingGroup, actor: Actor | null): MeetingView {
  return {
    id: meeting._id.toString(),
    number: meeting.number,
    title: meeting.title,
    description: meeting.description ?? "",
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    venue: meeting.venue ?? "",
    onlineUrl: meeting.onlineUrl ?? null,
    status: meeting.status,
    group: { id: group._id.toString(), slug: group.slug, name: group.name },
    agenda: (meeting.agenda as AgendaItemDocument[]).map(presentAgendaItem),
    minutesHtml: meeting.minutes?.html ?? "",
    archiveThreadId: meeting.archiveThreadId?.toString() ?? null,
    can: {
      edit: can(actor, "manage", "Meeting", meeting),
      openRoom: can(actor, "manage", "Meeting", meeting) && meeting.status === "planned",
      joinRoom: can(actor, "joinRoom", "Meeting", meeting),
      seeAttendance: can(actor, "seeAttendance", "Meeting", meeting),
    },
  };
}
