import type mongoose from "mongoose";
import { conflict } from "../errors/AppError.js";
import { Attachment } from "../models/Attachment.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface MeetingDeleterProps {
  /** The meeting as loaded (already authorized). */
  meeting: MeetingDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Takes a session that has not started out of the calendar; one that was held keeps its record. */
export async function meetingDeleter(props: MeetingDeleterProps): Promise<void> {
  const removed = await Meeting.deleteOne({ _id: props.meeting._id, status: "planned" });
  if (removed.deletedCount === 0) {
    throw conflict("Można usunąć tylko spotkanie, które jeszcze się nie zaczęło.");
  }
  // Its materials go back to being their uploaders' own files.
  await Attachment.updateMany({ meetingId: props.meeting._id }, { $set: { meetingId: null } });
  await recordEvent({
    name: "meetings.delete",
    actorId: props.actorId,
    subjectType: "Meeting",
    subjectId: props.meeting._id,
    groupId: props.meeting.groupId,
    data: { before: { number: props.meeting.number, title: props.meeting.title } },
    context: props.context,
  });
}
