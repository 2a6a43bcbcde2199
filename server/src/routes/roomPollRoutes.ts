import { Router } from "express";
import type mongoose from "mongoose";
import { endpoints } from "@forum/shared";
import { roomPollCloser } from "../commands/roomPollCloser.js";
import { roomPollCreator } from "../commands/roomPollCreator.js";
import { roomPollOpener } from "../commands/roomPollOpener.js";
import { roomPollVoter } from "../commands/roomPollVoter.js";
import { notFound } from "../errors/AppError.js";
import { route } from "../http/declareRoute.js";
import { liveRoomRequest, type LiveRoomRequest } from "../http/liveRoomRequest.js";
import { RoomPoll, type RoomPollDocument } from "../models/RoomPoll.js";
import { can } from "../policies/index.js";
import { presentRoomPoll, resultsPublic } from "../presenters/roomPollPresenter.js";

/** The poll in the path, of this meeting; a draft exists only for moderators. */
async function pollOf(pollId: mongoose.Types.ObjectId, room: LiveRoomRequest): Promise<RoomPollDocument> {
  const poll = await RoomPoll.findOne({ _id: pollId, meetingId: room.meeting._id }).lean();
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

  route(router, endpoints.room.createPoll, async (request) => {
    const room = await liveRoomRequest(request, "moderateRoom");
    const input = request.body();
    const poll = await roomPollCreator({
      meeting: room.meeting,
      moderatorId: room.userId,
      input,
      context: room.context,
    });
    return answer(poll, room);
  });

  route(router, endpoints.room.openPoll, async (request) => {
    const room = await liveRoomRequest(request, "moderateRoom");
    const poll = await roomPollOpener({
      meeting: room.meeting,
      poll: await pollOf(request.params.pollId, room),
      moderatorId: room.userId,
      context: room.context,
    });
    return answer(poll, room);
  });

  route(router, endpoints.room.closePoll, async (request) => {
    const room = await liveRoomRequest(request, "moderateRoom");
    const poll = await roomPollCloser({
      meeting: room.meeting,
      poll: await pollOf(request.params.pollId, room),
      moderatorId: room.userId,
      context: room.context,
    });
    return answer(poll, room);
  });

  route(router, endpoints.room.votePoll, async (request) => {
    const room = await liveRoomRequest(request, "chat");
    const poll = await pollOf(request.params.pollId, room);
    const input = request.body();
    const updated = await roomPollVoter({
      meeting: room.meeting,
      poll,
      voterId: room.userId,
      optionIds: input.optionIds,
      context: room.context,
    });
    return answer(updated, room, input.optionIds);
  });

  return router;
}
