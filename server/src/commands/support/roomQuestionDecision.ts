import type mongoose from "mongoose";
import type { RoomQuestionStatus } from "@forum/shared";
import { notFound } from "../../errors/AppError.js";
import type { MeetingDocument } from "../../models/Meeting.js";
import { RoomQuestion, type RoomQuestionDocument } from "../../models/RoomQuestion.js";
import { recordEvent } from "../recordEvent.js";
import type { RequestContext } from "../../requestContext.js";

export interface RoomQuestionDecisionProps {
  meeting: Pick<MeetingDocument, "_id" | "groupId">;
  question: RoomQuestionDocument;
  moderatorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** The moderator's decision on a question: answered (with an optional note of the answer) or hidden. */
export async function decideRoomQuestion(
  props: RoomQuestionDecisionProps & {
    name: "roomQuestions.answer" | "roomQuestions.hide";
    status: RoomQuestionStatus;
    answer?: string;
  },
): Promise<RoomQuestionDocument> {
  const before = props.question.status;
  const updated = await RoomQuestion.findOneAndUpdate(
    { _id: props.question._id },
    {
      $set: {
        status: props.status,
        ...(props.answer !== undefined ? { answer: props.answer } : {}),
        decidedAt: new Date(),
        decidedById: props.moderatorId,
      },
    },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw notFound();
  await recordEvent({
    name: props.name,
    actorId: props.moderatorId,
    subjectType: "RoomQuestion",
    subjectId: updated._id,
    groupId: props.meeting.groupId,
    data: { meetingId: props.meeting._id.toString(), before, after: props.status },
    context: props.context,
  });
  return updated;
}
