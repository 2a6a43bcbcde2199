import { Router, type Request } from "express";
import { createRoomPollSchema, voteRoomPollSchema } from "@forum/shared";
import { roomPollCloser } from "../commands/roomPollCloser.js";
import { roomPollCreator } from "../commands/roomPollCreator.js";
import { roomPollOpener } from "../commands/roomPollOpener.js";
import { roomPollVoter } from "../commands/roomPollVoter.js";
import { notFound } from "../errors/AppError.js";
import { liveRoomRequest, type LiveRoomRequest } from "../http/liveRoomRequest.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { RoomPoll, type RoomPollDocument } from "../models/RoomPoll.js";
import { can } from "../policies/index.js";
import { presentRoomPoll, resultsPublic } from "../presenters/roomPollPresenter.js";

/** The poll in the path, of this meeting; a draft exists only for moderators. */
async function pollOf(req: Request, room: LiveRoomRequest): Promise<RoomPollDocument> {
  const poll = await RoomPoll.findOne({ _id: parseObjectId(req.params.pollId), meetingId: room.meeting._id }).lean();
  const moderates = can(room.actor, "moderateRoom", "Meeting", room.meeting);
  if (!poll || (poll.status === "draft" && !moderates)) throw notFound("Nie ma takiej ankiety.");
  return poll;
}

/** The poll as the person who acted sees it. */
function answer(poll: RoomPollDocument, room: LiveRoomRequest, myVote: string[] = []) {
  const withResults = can(room.actor, "moderateRoom", "Meeting", room.meeting) || resultsPublic(poll);
  return { poll: presentRoomPoll(poll, withResults, myVote) };
}

/** Live polls: the moderator prepares, opens and closes them; anyone who may write in the room votes once. */
export function roomPollRoutes(): Router {
  const router = Router();

  router.post("/meetings/:id/room/polls", async (req, res) => {
    const room = await liveRoomRequest(req, "moderateRoom");
    const input = parseInput(createRoomPollSchema, req.body);
    const poll = await roomPollCreator({
      meeting: room.meeting,
      moderatorId: room.userId,
      input,
      context: room.context,
    });
    res.status(201).json(answer(poll, room));
  });

  router.post("/meetings/:id/room/polls/:pollId/open", async (req, res) => {
    const room = await liveRoomRequest(req, "moderateRoom");
    const poll = await roomPollOpener({
      meeting: room.meeting,
      poll: await pollOf(req, room),
      moderatorId: room.userId,
      context: room.context,
    });
    res.json(answer(poll, room));
  });

  router.post("/meetings/:id/room/polls/:pollId/close", async (req, res) => {
    const room = await liveRoomRequest(req, "moderateRoom");
    const poll = await roomPollCloser({
      meeting: room.meeting,
      poll: await pollOf(req, room),
      moderatorId: room.userId,
      context: room.context,
    });
    res.json(answer(poll, room));
  });

  router.post("/meetings/:id/room/polls/:pollId/vote", async (req, res) => {
    const room = await liveRoomRequest(req, "chat");
    const poll = await pollOf(req, room);
    const input = parseInput(voteRoomPollSchema, req.body);
    const updated = await roomPollVoter({
      meeting: room.meeting,
      poll,
      voterId: room.userId,
      optionIds: input.optionIds,
      context: room.context,
    });
    res.json(answer(updated, room, input.optionIds));
  });

  return router;
}
