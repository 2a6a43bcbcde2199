import mongoose from "mongoose";
import { anyOf } from "../db/anyOf.js";
import { badRequest, notFound } from "../errors/AppError.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { User } from "../models/User.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface RoomExpertsInviterProps {
  /** The meeting as loaded (already authorized). */
  meeting: MeetingDocument;
  /** The whole list of invited experts (an empty list withdraws every invitation). */
  expertIds: string[];
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Sets which experts may enter the session's live room (experts read every group, but join only when invited). */
export async function roomExpertsInviter(props: RoomExpertsInviterProps): Promise<MeetingDocument> {
  const ids = [...new Set(props.expertIds)].map((id) => new mongoose.Types.ObjectId(id));
  const experts = ids.length
    ? await User.find({ _id: anyOf(ids), role: "expert", status: "active" }, { _id: 1 }).lean()
    : [];
  if (experts.length !== ids.length) {
    const message = "Do pokoju można zaprosić tylko aktywnych ekspertów.";
    throw badRequest(message, { expertIds: message });
  }
  const before = (props.meeting.room?.invitedExpertIds ?? []).map((id) => id.toString());
  const updated = await Meeting.findOneAndUpdate(
    { _id: props.meeting._id },
    { $set: { "room.invitedExpertIds": ids } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw notFound();
  await recordEvent({
    name: "meetings.inviteExperts",
    actorId: props.actorId,
    subjectType: "Meeting",
    subjectId: updated._id,
    groupId: updated.groupId,
    data: { before: { expertIds: before }, after: { expertIds: ids.map((id) => id.toString()) } },
    context: props.context,
  });
  return updated;
}
