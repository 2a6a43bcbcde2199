import type { RoomQuestionDocument } from "../models/RoomQuestion.js";
import { RoomQuestion } from "../models/RoomQuestion.js";
import { recordEvent } from "./recordEvent.js";
import type { RoomQuestionVoteProps } from "./roomQuestionVoter.js";

/** Withdraws the person's upvote; withdrawing a vote not given changes nothing. */
export async function roomQuestionUnvoter(props: RoomQuestionVoteProps): Promise<RoomQuestionDocument> {
  const { question, voterId } = props;
  const updated = await RoomQuestion.findOneAndUpdate(
    { _id: question._id, voterIds: voterId },
    { $pull: { voterIds: voterId }, $inc: { voteCount: -1 } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) return (await RoomQuestion.findById(question._id).lean()) ?? question;
  await recordEvent({
    name: "roomQuestions.unvote",
    actorId: voterId,
    subjectType: "RoomQuestion",
    subjectId: question._id,
    groupId: props.meeting.groupId,
    data: { meetingId: props.meeting._id.toString() },
    context: props.context,
  });
  return updated;
}
