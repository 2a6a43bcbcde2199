import mongoose from "mongoose";
import { conflict } from "../errors/AppError.js";
import type { MeetingDocument } from "../models/Meeting.js";
import { RoomQuestion, type RoomQuestionDocument } from "../models/RoomQuestion.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface RoomQuestionVoteProps {
  meeting: Pick<MeetingDocument, "_id" | "groupId">;
  /** The question, visible to the voter (not hidden). */
  question: RoomQuestionDocument;
  voterId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** One upvote per person on an open question of someone else; voting again changes nothing. */
export async function roomQuestionVoter(props: RoomQuestionVoteProps): Promise<RoomQuestionDocument> {
  const { question, voterId } = props;
  if (question.authorId.equals(voterId)) throw conflict("Nie można głosować na własne pytanie.");
  if (question.status !== "open") throw conflict("Na to pytanie nie można już głosować.");
  // The filter makes the vote and the count move together, once per person, without a read first.
  const updated = await RoomQuestion.findOneAndUpdate(
    { _id: question._id, status: "open", voterIds: mongoose.trusted({ $ne: voterId }) },
    { $push: { voterIds: voterId }, $inc: { voteCount: 1 } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) return (await RoomQuestion.findById(question._id).lean()) ?? question;
  await recordEvent({
    name: "roomQuestions.vote",
    actorId: voterId,
    subjectType: "RoomQuestion",
    subjectId: question._id,
    groupId: props.meeting.groupId,
    data: { meetingId: props.meeting._id.toString() },
    context: props.context,
  });
  return updated;
}
