import type mongoose from "mongoose";
import type { RoomPollStatus } from "@forum/shared";
import { conflict } from "../../errors/AppError.js";
import type { MeetingDocument } from "../../models/Meeting.js";
import { RoomPoll, type RoomPollDocument } from "../../models/RoomPoll.js";
import { recordEvent } from "../recordEvent.js";
import type { RequestContext } from "../../requestContext.js";

export interface RoomPollStatusProps {
  meeting: Pick<MeetingDocument, "_id" | "groupId">;
  poll: RoomPollDocument;
  moderatorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** Moves a poll one step on (draft → open → closed); a poll not in `from` answers 409 with `refusal`. */
export async function changeRoomPollStatus(
  props: RoomPollStatusProps & {
    name: "roomPolls.open" | "roomPolls.close";
    from: RoomPollStatus;
    to: RoomPollStatus;
    refusal: string;
  },
): Promise<RoomPollDocument> {
  const now = new Date();
  // Filtered on the current status, so two moderators clicking at once change it once.
  const updated = await RoomPoll.findOneAndUpdate(
    { _id: props.poll._id, status: props.from },
    { $set: { status: props.to, ...(props.to === "open" ? { openedAt: now } : { closedAt: now }) } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw conflict(props.refusal);
  await recordEvent({
    name: props.name,
    actorId: props.moderatorId,
    subjectType: "RoomPoll",
    subjectId: updated._id,
    groupId: props.meeting.groupId,
    data: { meetingId: props.meeting._id.toString(), before: props.from, after: props.to },
    context: props.context,
  });
  return updated;
}
