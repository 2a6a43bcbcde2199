import type mongoose from "mongoose";
import { badRequest } from "../errors/AppError.js";
import { Attendance } from "../models/Attendance.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { Membership } from "../models/Membership.js";
import { User } from "../models/User.js";
import { roomNotLive } from "./roomAgendaSetter.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface NoteTakerSetterProps {
  meeting: MeetingDocument;
  /** Who may edit the minutes besides moderators; null: only moderators. */
  userId: mongoose.Types.ObjectId | null;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Someone in the room now or earlier, or one of the group's people. */
async function takesPart(meeting: MeetingDocument, userId: mongoose.Types.ObjectId): Promise<boolean> {
  const user = await User.findById(userId, { status: 1 }).lean();
  if (!user || user.status !== "active") return false;
  const [member, attended] = await Promise.all([
    Membership.exists({ groupId: meeting.groupId, userId }),
    Attendance.exists({ meetingId: meeting._id, userId }),
  ]);
  return Boolean(member ?? attended);
}

/** The moderator names the note-taker (protokolant) who may edit the minutes. */
export async function noteTakerSetter(props: NoteTakerSetterProps): Promise<MeetingDocument> {
  if (props.userId && !(await takesPart(props.meeting, props.userId)))
    throw badRequest("Protokolantem może być tylko uczestnik spotkania.");
  const updated = await Meeting.findOneAndUpdate(
    { _id: props.meeting._id, status: "live" },
    { $set: { "room.noteTakerId": props.userId } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw roomNotLive();
  await recordEvent({
    name: "meetings.setNoteTaker",
    actorId: props.actorId,
    subjectType: "Meeting",
    subjectId: updated._id,
    groupId: updated.groupId,
    data: {
      before: { noteTakerId: props.meeting.room?.noteTakerId?.toString() ?? null },
      after: { noteTakerId: props.userId?.toString() ?? null },
    },
    context: props.context,
  });
  return updated;
}
