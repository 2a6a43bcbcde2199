import { Router, type Request, type Response } from "express";
import { roomPinSchema, roomSlowModeSchema } from "@forum/shared";
import { roomMessagePinner } from "../commands/roomMessagePinner.js";
import { roomMessageRemover } from "../commands/roomMessageRemover.js";
import { roomOpener } from "../commands/roomOpener.js";
import { roomParticipantMuter } from "../commands/roomParticipantMuter.js";
import { roomSlowModeSetter } from "../commands/roomSlowModeSetter.js";
import type { RoomStateActor } from "../commands/support/roomStateChange.js";
import { badRequest, conflict, notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { Group } from "../models/Group.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { RoomMessage } from "../models/RoomMessage.js";
import { User } from "../models/User.js";
import { authorize } from "../policies/index.js";
import { presentMeetingView } from "../presenters/meetingViewPresenter.js";
import { presentRoomMessageById } from "../presenters/roomMessagePresenter.js";
import { presentRoomState } from "../presenters/roomStatePresenter.js";

/** The meeting in the path and who acts on it, once the policy allows `action` (404 when unreadable, 403 else). */
async function roomTarget(req: Request, action: string): Promise<RoomStateActor> {
  if (!req.actor || !req.user) throw unauthorized();
  const meeting = (await Meeting.findById(parseObjectId(req.params.id)).lean()) as MeetingDocument | null;
  if (!meeting) throw notFound();
  authorize(req.actor, action, "Meeting", meeting);
  return { meeting, actorId: req.user._id, context: req.context };
}

async function stateOf(meeting: MeetingDocument) {
  return presentRoomState(meeting, await presentRoomMessageById(meeting._id, meeting.room?.pinnedMessageId ?? null));
}

/** Opening the live room, and the moderator's controls inside it; each control answers the room's new state. */
export function roomModerationRoutes(): Router {
  const router = Router();

  router.post("/meetings/:id/room/open", async (req, res) => {
    const target = await roomTarget(req, "manage");
    const meeting = await roomOpener(target);
    const group = await Group.findById(meeting.groupId, { slug: 1, name: 1 }).lean();
    res.json({
      meeting: presentMeetingView(meeting, group ?? { _id: meeting.groupId, slug: "", name: "" }, req.actor ?? null),
    });
  });

  const mute = (muted: boolean) => async (req: Request, res: Response) => {
    const target = await roomTarget(req, "moderateRoom");
    const person = await User.findById(parseObjectId(req.params.userId), { role: 1 }).lean();
    if (!person) throw notFound("Nie znaleziono uczestnika.");
    if (muted && (person.role === "moderator" || person.role === "admin"))
      throw badRequest("Moderatora nie można wyciszyć.");
    const meeting = await roomParticipantMuter({ ...target, userId: person._id, muted });
    res.json({ state: await stateOf(meeting) });
  };
  router.put("/meetings/:id/room/muted/:userId", mute(true));
  router.delete("/meetings/:id/room/muted/:userId", mute(false));

  router.put("/meetings/:id/room/slow-mode", async (req, res) => {
    const target = await roomTarget(req, "moderateRoom");
    const input = parseInput(roomSlowModeSchema, req.body);
    const meeting = await roomSlowModeSetter({ ...target, seconds: input.seconds });
    res.json({ state: await stateOf(meeting) });
  });

  router.put("/meetings/:id/room/pin", async (req, res) => {
    const target = await roomTarget(req, "moderateRoom");
    const input = parseInput(roomPinSchema, req.body);
    const message = await RoomMessage.findOne(
      { _id: parseObjectId(input.messageId), meetingId: target.meeting._id },
      { removedAt: 1 },
    ).lean();
    if (!message) throw notFound("Nie znaleziono wiadomości.");
    if (message.removedAt) throw conflict("Usuniętej wiadomości nie można przypiąć.");
    const meeting = await roomMessagePinner({ ...target, messageId: message._id });
    res.json({ state: await stateOf(meeting) });
  });

  router.delete("/meetings/:id/room/pin", async (req, res) => {
    const meeting = await roomMessagePinner({ ...(await roomTarget(req, "moderateRoom")), messageId: null });
    res.json({ state: await stateOf(meeting) });
  });

  router.delete("/meetings/:id/room/messages/:messageId", async (req, res) => {
    const target = await roomTarget(req, "moderateRoom");
    const meeting = await roomMessageRemover({ ...target, messageId: parseObjectId(req.params.messageId) });
    res.json({ state: await stateOf(meeting) });
  });

  return router;
}
