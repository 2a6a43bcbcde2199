import type { AgendaItemView, AttachmentView, MeetingView } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { Attachment } from "../models/Attachment.js";
import { can, type Actor } from "../policies/index.js";
import type { AgendaItemDocument, MeetingDocument } from "../models/Meeting.js";
import { presentAttachment } from "./attachmentPresenter.js";
import { presentMeetingDays } from "./meetingDaysPresenter.js";

export interface MeetingGroup {
  _id: { toString(): string };
  slug: string;
  name: string;
}

/** Attachment id → how it is shown, for the materials of a meeting's agenda. */
export type MeetingMaterials = ReadonlyMap<string, AttachmentView>;

/** The files the agenda lists that are still this meeting's materials (one query). */
export async function loadMeetingMaterials(meeting: MeetingDocument): Promise<MeetingMaterials> {
  const ids = (meeting.agenda as AgendaItemDocument[]).flatMap((item) => item.attachmentIds ?? []);
  if (ids.length === 0) return new Map();
  const files = await Attachment.find({ _id: anyOf(ids), meetingId: meeting._id }).lean();
  return new Map(files.map((file) => [file._id.toString(), presentAttachment(file)]));
}

const presentAgendaItem = (item: AgendaItemDocument, materials: MeetingMaterials): AgendaItemView => ({
  id: item._id.toString(),
  day: item.day === 2 ? 2 : 1,
  startTime: item.startTime,
  endTime: item.endTime,
  title: item.title,
  speaker: item.speaker ?? "",
  description: item.description ?? "",
  materials: (item.attachmentIds ?? []).flatMap((id) => {
    const material = materials.get(id.toString());
    return material ? [material] : [];
  }),
});

/**
 * A meeting as the given person sees it (the plan, and what they may do with it). Pass the
 * agenda's materials from `loadMeetingMaterials`; without them the items list none.
 */
export function presentMeetingView(
  meeting: MeetingDocument,
  group: MeetingGroup,
  actor: Actor | null,
  materials: MeetingMaterials = new Map(),
): MeetingView {
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
    agenda: (meeting.agenda as AgendaItemDocument[]).map((item) => presentAgendaItem(item, materials)),
    minutesHtml: meeting.minutes?.html ?? "",
    archiveThreadId: meeting.archiveThreadId?.toString() ?? null,
    days: presentMeetingDays(meeting, actor),
    can: {
      edit: can(actor, "manage", "Meeting", meeting),
      openRoom: can(actor, "manage", "Meeting", meeting) && meeting.status === "planned",
      joinRoom: can(actor, "joinRoom", "Meeting", meeting),
      seeAttendance: can(actor, "seeAttendance", "Meeting", meeting),
    },
  };
}
