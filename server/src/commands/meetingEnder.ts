import { conflict } from "../errors/AppError.js";
import { lastDayOf } from "../domain/meetingDays.js";
import type { MeetingDocument } from "../models/Meeting.js";
import type { ThreadDocument } from "../models/Thread.js";
import { roomCloser, type RoomCloserProps } from "./roomCloser.js";

/** Why the session cannot end now (null: it can). */
function refusal(meeting: MeetingDocument): string | null {
  if (meeting.status === "planned") return "Spotkanie jeszcze się nie zaczęło.";
  if (meeting.status === "closed") return "Spotkanie już się zakończyło.";
  const last = lastDayOf(meeting);
  if ((meeting.room?.day ?? 1) < last) return `Spotkanie można zakończyć w ostatnim dniu (dniu ${last}).`;
  return null;
}

/**
 * Ends the whole session once its last day is open or closed: the room ends for good and its record is
 * archived (written, or rewritten after an admin reopened it) by the room closer, which records the event.
 */
export async function meetingEnder(
  props: RoomCloserProps,
): Promise<{ meeting: MeetingDocument; thread: ThreadDocument }> {
  const refused = refusal(props.meeting);
  if (refused) throw conflict(refused);
  return roomCloser(props);
}
