import { Router } from "express";
import type mongoose from "mongoose";
import { endpoints } from "@forum/shared";
import { roomQuestionAnswerer } from "../commands/roomQuestionAnswerer.js";
import { roomQuestionAsker } from "../commands/roomQuestionAsker.js";
import { roomQuestionHider } from "../commands/roomQuestionHider.js";
import { roomQuestionUnvoter } from "../commands/roomQuestionUnvoter.js";
import { roomQuestionVoter } from "../commands/roomQuestionVoter.js";
import { notFound } from "../errors/AppError.js";
import { route } from "../http/declareRoute.js";
import { liveRoomRequest, type LiveRoomRequest } from "../http/liveRoomRequest.js";
import { RoomQuestion, type RoomQuestionDocument } from "../models/RoomQuestion.js";
import { can } from "../policies/index.js";
import { namesOf, presentRoomQuestion } from "../presenters/roomQuestionPresenter.js";

/** The question in the path, of this meeting and visible to the person (hidden ones only to moderators). */
async function questionOf(questionId: mongoose.Types.ObjectId, room: LiveRoomRequest): Promise<RoomQuestionDocument> {
  const question = await RoomQuestion.findOne({ _id: questionId, meetingId: room.meeting._id }).lean();
  if (!question) throw notFound("Nie ma takiego pytania.");
  if (question.status === "hidden" && !can(room.actor, "moderateRoom", "Meeting", room.meeting))
    throw notFound("Nie ma takiego pytania.");
  return question;
}

/** The question as the person who acted sees it. */
async function answer(question: RoomQuestionDocument, room: LiveRoomRequest) {
  return { question: presentRoomQuestion(question, await namesOf([question.authorId]), room.actor.id) };
}

/** Questions in a live room: anyone who may write there asks and upvotes; the moderator answers or hides. */
export function roomQuestionRoutes(): Router {
  const router = Router();

  route(router, endpoints.room.ask, async (request) => {
    const room = await liveRoomRequest(request, "chat");
    const { text } = request.body();
    const question = await roomQuestionAsker({
      meeting: room.meeting,
      authorId: room.userId,
      text,
      context: room.context,
    });
    return answer(question, room);
  });

  route(router, endpoints.room.voteQuestion, async (request) => {
    const room = await liveRoomRequest(request, "chat");
    const question = await questionOf(request.params.questionId, room);
    const updated = await roomQuestionVoter({
      meeting: room.meeting,
      question,
      voterId: room.userId,
      context: room.context,
    });
    return answer(updated, room);
  });

  route(router, endpoints.room.unvoteQuestion, async (request) => {
    const room = await liveRoomRequest(request, "chat");
    const question = await questionOf(request.params.questionId, room);
    const updated = await roomQuestionUnvoter({
      meeting: room.meeting,
      question,
      voterId: room.userId,
      context: room.context,
    });
    return answer(updated, room);
  });

  route(router, endpoints.room.answerQuestion, async (request) => {
    const room = await liveRoomRequest(request, "moderateRoom");
    const question = await questionOf(request.params.questionId, room);
    const input = request.body();
    const updated = await roomQuestionAnswerer({
      meeting: room.meeting,
      question,
      moderatorId: room.userId,
      answer: input.answer,
      context: room.context,
    });
    return answer(updated, room);
  });

  route(router, endpoints.room.hideQuestion, async (request) => {
    const room = await liveRoomRequest(request, "moderateRoom");
    const question = await questionOf(request.params.questionId, room);
    const updated = await roomQuestionHider({
      meeting: room.meeting,
      question,
      moderatorId: room.userId,
      context: room.context,
    });
    return answer(updated, room);
  });

  return router;
}
