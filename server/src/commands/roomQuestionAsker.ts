import type mongoose from "mongoose";
import type { MeetingDocument } from "../models/Meeting.js";
import { RoomQuestion, type RoomQuestionDocument } from "../models/RoomQuestion.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface RoomQuestionAskerProps {
  /** The live meeting (already authorized: the asker may write in its room). */
  meeting: Pick<MeetingDocument, "_id" | "groupId">;
  authorId: mongoose.Types.ObjectId;
  text: string;
  context?: RequestContext;
}

/** Puts a question on the room's list, where others can upvote it. */
export async function roomQuestionAsker(props: RoomQuestionAskerProps): Promise<RoomQuestionDocument> {
  const created = await RoomQuestion.create({
    meetingId: props.meeting._id,
    authorId: props.authorId,
    text: props.text,
  });
  const question = created.toObject() as RoomQuestionDocument;
  await recordEvent({
    name: "roomQuestions.ask",
    actorId: props.authorId,
    subjectType: "RoomQuestion",
    subjectId: question._id,
    groupId: props.meeting.groupId,
    data: { meetingId: props.meeting._id.toString() },
    context: props.context,
  });
  return question;
}
