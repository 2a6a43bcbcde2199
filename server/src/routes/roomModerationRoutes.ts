import { Router } from "express";
import { endpoints } from "@forum/shared";
import { roomMessagePinner } from "../commands/roomMessagePinner.js";
import { roomMessageRemover } from "../commands/roomMessageRemover.js";
import { roomOpener } from "../commands/roomOpener.js";
import { roomParticipantMuter } from "../commands/roomParticipantMuter.js";
import { roomSlowModeSetter } from "../commands/roomSlowModeSetter.js";
import type { RoomStateActor } from "../commands/support/roomStateChange.js";
import { badRequest, conflict, notFound } from "../errors/AppError.js";
import { route, type SignedInRequest } from "../http/declareRoute.js";
import { parseObjectId } from "../http/validation.js";
import { Group } from "../models/Group.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { RoomMessage } from "../models/RoomMessage.js";
import { User } from "../models/User.js";
import { authorize, can } from "../policies/index.js";
import { presentMeetingView } from "../presenters/meetingViewPresenter.js";
import { presentRoomMessageById } from "../presenters/roomMessagePresenter.js";
import { presentRoomState } from "../presenters/roomStatePresenter.js";

/** The meeting in the path and who acts on it, once the policy allows `action` (404 when unreadable, 403 else). */
async function roomTarget({ actor, user, params, context }: SignedInRequest, action: string): Promise<RoomStateActor> {
  const meeting = (await Meeting.findById(params.id).lean()) as MeetingDocument | null;
  if (!meeting) throw notFound();
  authorize(actor, action, "Meeting", meeting);
  return { meeting, actorId: user._id, context };
}

async function stateOf(meeting: MeetingDocument) {
  return {
    state: presentRoomState(meeting, await presentRoomMessageById(meeting._id, meeting.room?.pinnedMessageId ?? null)),
  };
}

/** Opening the live room, and the moderator's controls inside it; each control answers the room's new state. */
export function roomModerationRoutes(): Router {
  const router = Router();

  route(router, endpoints.room.open, async (request) => {
    const meeting = await roomOpener(await roomTarget(request, "manage"));
    const group = await Group.findById(meeting.groupId, { slug: 1, name: 1 }).lean();
    return {
      meeting: presentMeetingView(meeting, group ?? { _id: meeting.groupId, slug: "", name: "" }, request.actor),
    };
  });

  for (const [endpoint, muted] of [
    [endpoints.room.mute, true],
    [endpoints.room.unmute, false],
  ] as const) {
    route(router, endpoint, async (request) => {
      const target = await roomTarget(request, "moderateRoom");
      const person = await User.findById(request.params.userId, { role: 1 }).lean();
      if (!person) throw notFound("Nie znaleziono uczestnika.");
      if (muted && !can(request.actor, "mute", "RoomParticipant", person))
        throw badRequest("Moderatora nie można wyciszyć.");
      return stateOf(await roomParticipantMuter({ ...target, userId: person._id, muted }));
    });
  }

  route(router, endpoints.room.setSlowMode, async (request) => {
    const target = await roomTarget(request, "moderateRoom");
    const { seconds } = request.body();
    return stateOf(await roomSlowModeSetter({ ...target, seconds }));
  });

  route(router, endpoints.room.pin, async (request) => {
    const target = await roomTarget(request, "moderateRoom");
    const input = request.body();
    const message = await RoomMessage.findOne(
      { _id: parseObjectId(input.messageId), meetingId: target.meeting._id },
      { removedAt: 1 },
    ).lean();
    if (!message) throw notFound("Nie znaleziono wiadomości.");
    if (message.removedAt) throw conflict("Usuniętej wiadomości nie można przypiąć.");
    return stateOf(await roomMessagePinner({ ...target, messageId: message._id }));
  });

  route(router, endpoints.room.unpin, async (request) =>
    stateOf(await roomMessagePinner({ ...(await roomTarget(request, "moderateRoom")), messageId: null })),
  );

  route(router, endpoints.room.removeMessage, async (request) => {
    const target = await roomTarget(request, "moderateRoom");
    return stateOf(await roomMessageRemover({ ...target, messageId: request.params.messageId }));
  });

  return router;
}
