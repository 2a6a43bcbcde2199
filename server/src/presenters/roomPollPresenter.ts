import type mongoose from "mongoose";
import type { RoomPollView } from "@forum/shared";
import { Meeting } from "../models/Meeting.js";
import { RoomPoll, type RoomPollDocument } from "../models/RoomPoll.js";
import { RoomPollVote } from "../models/RoomPollVote.js";
import { can, type Actor } from "../policies/index.js";

/** Everyone sees results of a live-results poll and of any closed poll; the rest only moderators. */
export const resultsPublic = (poll: Pick<RoomPollDocument, "resultsVisibility" | "status">): boolean =>
  poll.resultsVisibility === "live" || poll.status === "closed";

/** One poll; results (votes, totalVotes) null unless `withResults`; `myVote` the viewer's choices (empty in pushes). */
export function presentRoomPoll(poll: RoomPollDocument, withResults: boolean, myVote: string[] = []): RoomPollView {
  return {
    id: poll._id.toString(),
    question: poll.question,
    multiple: poll.multiple,
    resultsVisibility: poll.resultsVisibility,
    status: poll.status,
    options: poll.options.map((option) => ({
      id: option._id.toString(),
      text: option.text,
      votes: withResults ? (option.votes ?? 0) : null,
    })),
    totalVotes: withResults ? (poll.ballotCount ?? 0) : null,
    myVote,
  };
}

/** The room's polls as this person may see them (results only when allowed), oldest first. */
export async function presentRoomPolls(
  meetingId: mongoose.Types.ObjectId,
  actor: Actor | null,
): Promise<RoomPollView[]> {
  const [meeting, polls, ballots] = await Promise.all([
    Meeting.findById(meetingId, { groupId: 1, status: 1, room: 1 }).lean(),
    RoomPoll.find({ meetingId }).sort({ createdAt: 1 }).lean(),
    actor ? RoomPollVote.find({ meetingId, userId: actor.id }, { pollId: 1, optionIds: 1 }).lean() : [],
  ]);
  if (!meeting) return [];
  const moderates = can(actor, "moderateRoom", "Meeting", meeting);
  const choices = new Map(
    ballots.map((ballot) => [ballot.pollId.toString(), ballot.optionIds.map((id) => id.toString())]),
  );
  // Participants do not see prepared polls until the moderator opens them.
  return polls
    .filter((poll) => moderates || poll.status !== "draft")
    .map((poll) => presentRoomPoll(poll, moderates || resultsPublic(poll), choices.get(poll._id.toString())));
}
