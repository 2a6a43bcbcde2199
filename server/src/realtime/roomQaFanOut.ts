import type { Logger } from "../logger.js";
import { RoomPoll } from "../models/RoomPoll.js";
import { RoomQuestion } from "../models/RoomQuestion.js";
import { presentRoomPoll, resultsPublic } from "../presenters/roomPollPresenter.js";
import { namesOf, presentRoomQuestion } from "../presenters/roomQuestionPresenter.js";
import { eventBus } from "../infra/eventBus.js";
import { keyedThrottle } from "./keyedThrottle.js";
import { meetingRoom, meetingStaffRoom } from "./rooms.js";
import type { ForumIo } from "./socketServer.js";

/** Vote counts are pushed at most twice a second per question or poll. */
const VOTE_PUSH_INTERVAL_MS = 500;

/**
 * `room.question` and `room.poll` for the live room. Moderators (the staff room) see everything;
 * the others see no hidden question, no prepared poll, and no results a poll keeps for its closing.
 */
export function startRoomQaFanOut(io: ForumIo, logger: Logger): () => void {
  const failed = (what: string) => (error: unknown) => logger.error({ err: error, what }, "room fan-out failed");

  const pushQuestion = (questionId: string) => {
    void (async () => {
      const question = await RoomQuestion.findById(questionId).lean();
      if (!question) return;
      const meetingId = question.meetingId.toString();
      // No viewer: each client keeps its own "voted by me".
      const view = presentRoomQuestion(question, await namesOf([question.authorId]), null);
      if (question.status !== "hidden") {
        io.to(meetingRoom(meetingId)).emit("room.question", { meetingId, question: view });
        return;
      }
      io.to(meetingRoom(meetingId))
        .except(meetingStaffRoom(meetingId))
        .emit("room.questionRemoved", { meetingId, questionId });
      io.to(meetingStaffRoom(meetingId)).emit("room.question", { meetingId, question: view });
    })().catch(failed("question"));
  };

  const pushPoll = (pollId: string) => {
    void (async () => {
      const poll = await RoomPoll.findById(pollId).lean();
      if (!poll) return;
      const meetingId = poll.meetingId.toString();
      const withResults = presentRoomPoll(poll, true);
      if (poll.status === "draft") {
        io.to(meetingStaffRoom(meetingId)).emit("room.poll", { meetingId, poll: withResults });
      } else if (resultsPublic(poll)) {
        io.to(meetingRoom(meetingId)).emit("room.poll", { meetingId, poll: withResults });
      } else {
        io.to(meetingStaffRoom(meetingId)).emit("room.poll", { meetingId, poll: withResults });
        io.to(meetingRoom(meetingId))
          .except(meetingStaffRoom(meetingId))
          .emit("room.poll", { meetingId, poll: presentRoomPoll(poll, false) });
      }
    })().catch(failed("poll"));
  };

  const pushQuestionVotes = keyedThrottle(VOTE_PUSH_INTERVAL_MS, pushQuestion);
  const pushPollVotes = keyedThrottle(VOTE_PUSH_INTERVAL_MS, pushPoll);

  return eventBus.subscribe((event) => {
    const subjectId = event.subjectId.toString();
    if (event.name === "roomQuestions.vote" || event.name === "roomQuestions.unvote") pushQuestionVotes(subjectId);
    else if (event.name.startsWith("roomQuestions.")) pushQuestion(subjectId);
    else if (event.name === "roomPolls.vote") pushPollVotes(subjectId);
    else if (event.name.startsWith("roomPolls.")) pushPoll(subjectId);
  });
}
