import type { RoomMinutesView } from "@forum/shared";
import type { MeetingDocument } from "../models/Meeting.js";

/** The minutes as everyone in the room sees them (the editor's name is resolved by the minutes module). */
export function presentRoomMinutes(meeting: MeetingDocument): RoomMinutesView {
  return {
    markdown: meeting.minutes?.markdown ?? "",
    html: meeting.minutes?.html ?? "",
    version: meeting.minutes?.version ?? 0,
    updatedAt: meeting.minutes?.updatedAt?.toISOString() ?? null,
    updatedBy: null,
  };
}
