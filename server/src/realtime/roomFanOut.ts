import mongoose from "mongoose";
import type { Logger } from "../logger.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { presentRoomMessageById } from "../presenters/roomMessagePresenter.js";
import { presentRoomState } from "../presenters/roomStatePresenter.js";
import { eventBus } from "../infra/eventBus.js";
import { schedulePresence } from "./roomPresence.js";
import { meetingRoom } from "./rooms.js";
import type { ForumIo } from "./socketServer.js";

/** Moderator changes everyone in the room sees at once as `room.state`. */
const ROOM_STATE_EVENTS = new Set(["meetings.mute", "meetings.unmute", "meetings.setSlowMode", "meetings.pinMessage"]);
/** Changes that also change someone's line in the participants list. */
const PRESENCE_EVENTS = new Set(["meetings.mute", "meetings.unmute"]);

/** The room's shared state, pushed to everyone in it (also usable by other room modules after their changes). */
export async function pushRoomState(io: ForumIo, meetingId: string): Promise<void> {
  const meeting = (await Meeting.findById(meetingId).lean()) as MeetingDocument | null;
  if (!meeting) return;
  const pinned = await presentRoomMessageById(meeting._id, meeting.room?.pinnedMessageId ?? null);
  io.to(meetingRoom(meetingId)).emit("room.state", presentRoomState(meeting, pinned));
}

async function pushMessage(io: ForumIo, meetingId: string, messageId: mongoose.Types.ObjectId): Promise<void> {
  const message = await presentRoomMessageById(new mongoose.Types.ObjectId(meetingId), messageId);
  if (message) io.to(meetingRoom(meetingId)).emit("room.message", message);
}

/** Chat lines and moderator controls of live rooms, from the recorded events to everyone in the room. */
export function startRoomFanOut(io: ForumIo, logger: Logger): () => void {
  return eventBus.subscribe((event) => {
    const failed = (error: unknown) => logger.error({ err: error, event: event.name }, "room fan-out failed");
    if (event.name === "roomMessages.create") {
      if (event.data.meetingId) pushMessage(io, event.data.meetingId, event.subjectId).catch(failed);
      return;
    }
    if (event.subjectType !== "Meeting") return;
    const meetingId = event.subjectId.toString();
    if (event.name === "meetings.removeMessage") {
      const { messageId, seq, unpinned } = event.data;
      io.to(meetingRoom(meetingId)).emit("room.messageRemoved", { meetingId, messageId, seq });
      if (unpinned) pushRoomState(io, meetingId).catch(failed);
      return;
    }
    if (ROOM_STATE_EVENTS.has(event.name)) pushRoomState(io, meetingId).catch(failed);
    if (PRESENCE_EVENTS.has(event.name)) schedulePresence(io, meetingId, logger);
  });
}
