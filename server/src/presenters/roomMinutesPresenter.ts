import type { RoomMinutesView } from "@forum/shared";
import type { MeetingDocument } from "../models/Meeting.js";

/** The minutes as everyone in the room sees them (the editor's name is stored with each save). */
export function presentRoomMinutes(meeting: MeetingDocument): RoomMinutesView {
  return {
    markdown: meeting.minutes?.markdown ?? "",
    html: meeting.minutes?.html ?? "",
    version: meeting.minutes?.version ?? 0,
    updatedAt: meeting.minutes?.updatedAt?.toISOString() ?? null,
    updatedBy: meeting.minutes?.updatedById
      ? { id: meeting.minutes.updatedById.toString(), name: meeting.minutes.updatedByName ?? "" }
      : null,
  };
}
