import type mongoose from "mongoose";
import { conflict } from "../errors/AppError.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface MeetingReopenerProps {
  /** The meeting as loaded by the route (already authorized). */
  meeting: MeetingDocument;
  reason: string;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/**
 * An admin takes back the end of a session: it is live again, paused on the day it ended (the moderator opens
 * the room or ends it again). Its archive thread stays, and is rewritten when the session ends again.
 */
export async function meetingReopener(props: MeetingReopenerProps): Promise<MeetingDocument> {
  const reopened = await Meeting.findOneAndUpdate(
    { _id: props.meeting._id, status: "closed" },
    { $set: { status: "live", "room.closedAt": null, "room.closedById": null, "room.dayClosedAt": new Date() } },
    { returnDocument: "after" },
  ).lean();
  if (!reopened) throw conflict("Wznowić można tylko zakończone spotkanie.");
  await recordEvent({
    name: "meetings.reopen",
    actorId: props.actorId,
    subjectType: "Meeting",
    subjectId: reopened._id,
    groupId: reopened.groupId,
    data: { reason: props.reason, archiveThreadId: reopened.archiveThreadId?.toString() ?? null },
    context: props.context,
  });
  return reopened as MeetingDocument;
}
