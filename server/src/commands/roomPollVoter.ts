import type mongoose from "mongoose";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { badRequest, conflict } from "../errors/AppError.js";
import type { MeetingDocument } from "../models/Meeting.js";
import { RoomPoll, type RoomPollDocument } from "../models/RoomPoll.js";
import { RoomPollVote } from "../models/RoomPollVote.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface RoomPollVoterProps {
  meeting: Pick<MeetingDocument, "_id" | "groupId">;
  /** A poll the voter can see (not a draft). */
  poll: RoomPollDocument;
  voterId: mongoose.Types.ObjectId;
  /** Distinct option ids, lower-case hex. */
  optionIds: string[];
  context?: RequestContext;
}

/** Casts one person's ballot in an open poll: once (unique index), one option unless it is multiple-choice. */
export async function roomPollVoter(props: RoomPollVoterProps): Promise<RoomPollDocument> {
  const { poll } = props;
  if (poll.status !== "open") throw conflict("Głosowanie w tej ankiecie jest zamknięte.");
  if (!poll.multiple && props.optionIds.length !== 1) throw badRequest("W tej ankiecie wybierz jedną odpowiedź.");
  const chosen = poll.options.flatMap((option, index) =>
    props.optionIds.includes(option._id.toString()) ? [{ id: option._id, index }] : [],
  );
  if (chosen.length !== props.optionIds.length) throw badRequest("Nie ma takiej odpowiedzi w tej ankiecie.");
  try {
    await RoomPollVote.create({
      pollId: poll._id,
      meetingId: props.meeting._id,
      userId: props.voterId,
      optionIds: chosen.map((option) => option.id),
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw conflict("Twój głos został już oddany.");
    throw error;
  }
  // Counters move with each ballot (by option position), so showing results never counts the ballots.
  const increments: Record<string, number> = { ballotCount: 1 };
  for (const { index } of chosen) increments[`options.${index}.votes`] = 1;
  const updated = await RoomPoll.findOneAndUpdate(
    { _id: poll._id },
    { $inc: increments },
    { returnDocument: "after" },
  ).lean();
  await recordEvent({
    name: "roomPolls.vote",
    actorId: props.voterId,
    subjectType: "RoomPoll",
    subjectId: poll._id,
    groupId: props.meeting.groupId,
    data: { meetingId: props.meeting._id.toString() },
    context: props.context,
  });
  return updated ?? poll;
}
