import { Router, type Request } from "express";
import { answerRoomQuestionSchema, askRoomQuestionSchema } from "@forum/shared";
import { roomQuestionAnswerer } from "../commands/roomQuestionAnswerer.js";
import { roomQuestionAsker } from "../commands/roomQuestionAsker.js";
import { roomQuestionHider } from "../commands/roomQuestionHider.js";
import { roomQuestionUnvoter } from "../commands/roomQuestionUnvoter.js";
import { roomQuestionVoter } from "../commands/roomQuestionVoter.js";
import { notFound } from "../errors/AppError.js";
import { liveRoomRequest, type LiveRoomRequest } from "../http/liveRoomRequest.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { RoomQuestion, type RoomQuestionDocument } from "../models/RoomQuestion.js";
import { can } from "../policies/index.js";
import { namesOf, presentRoomQuestion } from "../presenters/roomQuestionPresenter.js";

/** The question in the path, of this meeting and visible to the person (hidden ones only to moderators). */
async function questionOf(req: Request, room: LiveRoomRequest): Promise<RoomQuestionDocument> {
  const question = await RoomQuestion.findOne({
    _id: parseObjectId(req.params.questionId),
    meetingId: room.meeting._id,
  }).lean();
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

  router.post("/meetings/:id/room/questions", async (req, res) => {
    const room = await liveRoomRequest(req, "chat");
    const input = parseInput(askRoomQuestionSchema, req.body);
    const question = await roomQuestionAsker({
      meeting: room.meeting,
      authorId: room.userId,
      text: input.text,
      context: room.context,
    });
    res.status(201).json(await answer(question, room));
  });

  router.post("/meetings/:id/room/questions/:questionId/vote", async (req, res) => {
    const room = await liveRoomRequest(req, "chat");
    const question = await questionOf(req, room);
    const updated = await roomQuestionVoter({
      meeting: room.meeting,
      question,
      voterId: room.userId,
      context: room.context,
    });
    res.json(await answer(updated, room));
  });

  router.delete("/meetings/:id/room/questions/:questionId/vote", async (req, res) => {
    const room = await liveRoomRequest(req, "chat");
    const question = await questionOf(req, room);
    const updated = await roomQuestionUnvoter({
      meeting: room.meeting,
      question,
      voterId: room.userId,
      context: room.context,
    });
    res.json(await answer(updated, room));
  });

  router.post("/meetings/:id/room/questions/:questionId/answer", async (req, res) => {
    const room = await liveRoomRequest(req, "moderateRoom");
    const question = await questionOf(req, room);
    const input = parseInput(answerRoomQuestionSchema, req.body ?? {});
    const updated = await roomQuestionAnswerer({
      meeting: room.meeting,
      question,
      moderatorId: room.userId,
      answer: input.answer,
      context: room.context,
    });
    res.json(await answer(updated, room));
  });

  router.post("/meetings/:id/room/questions/:questionId/hide", async (req, res) => {
    const room = await liveRoomRequest(req, "moderateRoom");
    const question = await questionOf(req, room);
    const updated = await roomQuestionHider({
      meeting: room.meeting,
      question,
      moderatorId: room.userId,
      context: room.context,
    });
    res.json(await answer(updated, room));
  });

  return router;
}
