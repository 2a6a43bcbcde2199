import type mongoose from "mongoose";
import type { MeetingDay } from "@forum/shared";
import { conflict } from "../errors/AppError.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { endStays } from "../jobs/roomAttendance.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface MeetingDayCloserProps {
  /** The meeting as loaded by the route (already authorized). */
  meeting: MeetingDocument;
  day: MeetingDay;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/**
 * Closes the day the room runs: the room is paused (chat, questions and polls read-only, the minutes still
 * editable) and that day's attendance stays end; the room continues when the next day opens.
 */
export async function meetingDayCloser(props: MeetingDayCloserProps): Promise<MeetingDocument> {
  const { meeting, day } = props;
  const closedAt = new Date();
  const closed = await Meeting.findOneAndUpdate(
    { _id: meeting._id, status: "live", "room.day": day, "room.dayClosedAt": null },
    { $set: { "room.dayClosedAt": closedAt } },
    { returnDocument: "after" },
  ).lean();
  if (!closed) {
    if (meeting.status === "closed") throw conflict("Spotkanie już się zakończyło.");
    const running = meeting.status === "live" && meeting.room?.day === day;
    throw conflict(running ? `Dzień ${day} jest już zamknięty.` : `Dzień ${day} nie jest otwarty.`);
  }
  await endStays(closed._id, closedAt);
  await recordEvent({
    name: "meetings.closeDay",
    actorId: props.actorId,
    subjectType: "Meeting",
    subjectId: closed._id,
    groupId: closed.groupId,
    data: { day, closedAt: closedAt.toISOString() },
    context: props.context,
  });
  return closed as MeetingDocument;
}
