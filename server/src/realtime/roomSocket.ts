import mongoose from "mongoose";
import type { Socket } from "socket.io";
import type { z } from "zod";
import {
  roomHandSchema,
  roomJoinSchema,
  roomMessageSchema,
  type ClientToServerEvents,
  type RoomJoinAck,
  type RoomMessageAck,
  type ServerToClientEvents,
  type SocketAck,
} from "@forum/shared";
import { roomMessagePoster } from "../commands/roomMessagePoster.js";
import { findSentRoomMessage } from "../queries/sentRoomMessages.js";
import type { Logger } from "../logger.js";
import { Jst } from "../models/Jst.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { RoomMessage } from "../models/RoomMessage.js";
import { User } from "../models/User.js";
import { can, type Actor } from "../policies/index.js";
import { isSilenced, roleLabel } from "../policies/actor.js";
import { presentRoomMessages } from "../presenters/roomMessagePresenter.js";
import { closeStay, openStay } from "../jobs/roomAttendance.js";
import { buildRoomSnapshot } from "../queries/roomSnapshot.js";
import { silenceMessage } from "../domain/silenceStatus.js";
import { isPaused, pausedMessage } from "../domain/meetingDays.js";
import { failureAck } from "./socketFailure.js";
import { socketEventContext } from "./socketContext.js";
import { mongooseIdOrNull } from "./ids.js";
import { roomParticipants, schedulePresence, type RoomProfile } from "./roomPresence.js";
import { meetingRoom, meetingStaffRoom } from "./rooms.js";
import type { ForumIo, SocketData } from "./socketServer.js";

type RoomSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const NOT_FOUND = "Nie znaleziono spotkania.";

/** The first problem of a payload, in Polish, or the parsed payload. */
function parsePayload<Schema extends z.ZodType>(
  schema: Schema,
  payload: unknown,
): { data: z.infer<Schema> } | { error: string } {
  const parsed = schema.safeParse(payload);
  return parsed.success ? { data: parsed.data } : { error: parsed.error.issues[0]?.message ?? "Nieprawidłowe dane." };
}

const toId = (actor: Actor): mongoose.Types.ObjectId => new mongoose.Types.ObjectId(actor.id);

const replyTo = <Reply>(ack: unknown): ((reply: Reply) => void) =>
  typeof ack === "function" ? (ack as (reply: Reply) => void) : () => undefined;

/** Why this person may not write in the room now (null when they may). */
function chatRefusal(actor: Actor, meeting: MeetingDocument): string | null {
  if (isPaused(meeting)) return pausedMessage(meeting);
  if (can(actor, "chat", "Meeting", meeting)) return null;
  if (meeting.status !== "live") return "Pokój spotkania jest zamknięty.";
  if (actor.silence && isSilenced(actor)) return silenceMessage(actor.silence);
  if ((meeting.room?.mutedUserIds ?? []).some((id) => id.toString() === actor.id))
    return "Moderator wyciszył Cię w tym pokoju: możesz słuchać, ale nie pisać.";
  return "Nie możesz pisać w tym pokoju.";
}

/** Seconds until this person may send again under slow mode (0: now). Moderators are exempt. */
async function slowModeWait(
  actor: Actor,
  meeting: MeetingDocument,
  authorId: mongoose.Types.ObjectId,
): Promise<number> {
  const seconds = meeting.room?.slowModeSeconds ?? 0;
  if (seconds <= 0 || can(actor, "bypassSlowMode", "Meeting", meeting)) return 0;
  const last = await RoomMessage.findOne({ meetingId: meeting._id, authorId }, { createdAt: 1 })
    .sort({ seq: -1 })
    .lean();
  const sentAt = (last as { createdAt?: Date } | null)?.createdAt;
  if (!sentAt) return 0;
  const waitMs = sentAt.getTime() + seconds * 1000 - Date.now();
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

/**
 * Name, JST and role shown in the participants list, and whether the person runs the room (by the policy,
 * which does not depend on the meeting); looked up once per connection.
 */
async function roomProfileOf(
  actor: Actor,
  meeting: MeetingDocument,
): Promise<{ profile: RoomProfile; jstId: mongoose.Types.ObjectId | null }> {
  const user = await User.findById(actor.id, { name: 1, jstId: 1 }).lean();
  const jst = user?.jstId ? await Jst.findById(user.jstId, { name: 1 }).lean() : null;
  return {
    profile: {
      userId: actor.id,
      name: user?.name ?? "",
      jst: jst?.name ?? null,
      role: roleLabel(actor),
      ...(can(actor, "moderateRoom", "Meeting", meeting) ? { moderatesRoom: true as const } : {}),
    },
    jstId: user?.jstId ?? null,
  };
}

/**
 * The live room over one connection: join (with a snapshot from the last chat line the client
 * has), leave, chat (stored exactly once per clientId) and raised hands. Every join and leave is
 * an attendance stay; presence is pushed to the room, throttled.
 */
export function handleRoomSocket(io: ForumIo, socket: RoomSocket, logger: Logger): void {
  /** meetingId → this connection's attendance stay and the session's day it belongs to. */
  const stays = new Map<string, { day: number; stay: Promise<string | null> }>();
  let jstId: mongoose.Types.ObjectId | null = null;

  const leaveRoom = (meetingId: string) => {
    const stay = stays.get(meetingId);
    stays.delete(meetingId);
    if (socket.data.roomHands) delete socket.data.roomHands[meetingId];
    void socket.leave(meetingRoom(meetingId));
    void socket.leave(meetingStaffRoom(meetingId));
    void stay?.stay
      .then((stayId) => (stayId ? closeStay(stayId) : undefined))
      .catch((error: unknown) => logger.error({ err: error }, "attendance close failed"));
    schedulePresence(io, meetingId, logger);
  };

  socket.on("room.join", (payload: unknown, ack: unknown) => {
    const reply = replyTo<RoomJoinAck>(ack);
    const actor = socket.data.actor;
    if (!actor) return reply({ ok: false, error: "Zaloguj się, aby wejść do pokoju." });
    const input = parsePayload(roomJoinSchema, payload);
    if ("error" in input) return reply({ ok: false, error: input.error });
    const { meetingId, afterSeq } = input.data;
    (async () => {
      const meeting = (await Meeting.findById(meetingId).lean()) as MeetingDocument | null;
      if (!meeting || !can(actor, "read", "Meeting", meeting)) return reply({ ok: false, error: NOT_FOUND });
      if (meeting.status === "closed") {
        return reply({
          ok: false,
          error: "Spotkanie już się zakończyło.",
          meetingStatus: meeting.status,
          archiveThreadId: meeting.archiveThreadId?.toString() ?? null,
        });
      }
      if (meeting.status !== "live")
        return reply({ ok: false, error: "Pokój spotkania nie jest otwarty.", meetingStatus: meeting.status });
      if (!can(actor, "joinRoom", "Meeting", meeting))
        return reply({ ok: false, error: "Nie masz dostępu do tego pokoju." });
      if (!socket.data.roomProfile) {
        const found = await roomProfileOf(actor, meeting);
        socket.data.roomProfile = found.profile;
        jstId = found.jstId;
      }
      // Joined before the messages are read, so nothing sent meanwhile falls between (the client dedupes by seq).
      await socket.join(
        can(actor, "moderateRoom", "Meeting", meeting)
          ? [meetingRoom(meetingId), meetingStaffRoom(meetingId)]
          : meetingRoom(meetingId),
      );
      // A stay per day: joining again once the next day opened starts that day's stay; a paused room starts none.
      const day = meeting.room?.day ?? 1;
      if (stays.get(meetingId)?.day !== day && !isPaused(meeting)) {
        const stay = openStay({ meetingId: meeting._id, userId: toId(actor), jstId, day, connectionId: socket.id });
        stays.set(meetingId, {
          day,
          stay: stay.catch((error: unknown) => {
            logger.error({ err: error }, "attendance open failed");
            return null;
          }),
        });
      }
      const muted = (meeting.room?.mutedUserIds ?? []).map((id) => id.toString());
      const participants = await roomParticipants(io, meetingId, muted);
      const snapshot = await buildRoomSnapshot({ meeting, actor, afterSeq, participants });
      reply({ ok: true, snapshot });
      schedulePresence(io, meetingId, logger);
    })().catch((error: unknown) => reply(failureAck(error, "read", logger, "room.join")));
  });

  socket.on("room.leave", (payload: unknown) => {
    const meetingId = mongooseIdOrNull(
      typeof payload === "object" && payload !== null && "meetingId" in payload ? payload.meetingId : null,
    )?.toString();
    if (meetingId && (stays.has(meetingId) || socket.rooms.has(meetingRoom(meetingId)))) leaveRoom(meetingId);
  });

  socket.on("room.message", (payload: unknown, ack: unknown) => {
    const reply = replyTo<RoomMessageAck>(ack);
    const actor = socket.data.actor;
    if (!actor) return reply({ ok: false, error: "Zaloguj się, aby pisać." });
    const input = parsePayload(roomMessageSchema, payload);
    if ("error" in input) return reply({ ok: false, error: input.error });
    const { meetingId, clientId, text } = input.data;
    if (!socket.rooms.has(meetingRoom(meetingId))) return reply({ ok: false, error: "Najpierw wejdź do pokoju." });
    (async () => {
      const meeting = (await Meeting.findById(meetingId).lean()) as MeetingDocument | null;
      if (!meeting) return reply({ ok: false, error: NOT_FOUND });
      const authorId = toId(actor);
      // A re-send of a message already stored is answered with it, whatever changed since.
      const sent = await findSentRoomMessage(meeting._id, authorId, clientId);
      if (sent) return reply({ ok: true, message: (await presentRoomMessages([sent]))[0] });
      const refusal = chatRefusal(actor, meeting);
      if (refusal) return reply({ ok: false, error: refusal });
      const wait = await slowModeWait(actor, meeting, authorId);
      if (wait > 0) {
        return reply({
          ok: false,
          error: `Tryb powolny: następną wiadomość możesz wysłać za ${wait} s.`,
          retryAfterSeconds: wait,
        });
      }
      const { message } = await roomMessagePoster({
        meeting,
        authorId,
        authorRole: actor.role,
        clientId,
        text,
        context: socketEventContext(socket),
      });
      reply({ ok: true, message: (await presentRoomMessages([message]))[0] });
    })().catch((error: unknown) => reply(failureAck(error, "write", logger, "room.message")));
  });

  socket.on("room.hand", (payload: unknown, ack?: unknown) => {
    const reply = replyTo<SocketAck>(ack);
    const actor = socket.data.actor;
    if (!actor) return reply({ ok: false, error: "Zaloguj się." });
    const input = parsePayload(roomHandSchema, payload);
    if ("error" in input) return reply({ ok: false, error: input.error });
    const { meetingId, raised } = input.data;
    if (!socket.rooms.has(meetingRoom(meetingId))) return reply({ ok: false, error: "Najpierw wejdź do pokoju." });
    (async () => {
      if (raised) {
        const meeting = (await Meeting.findById(meetingId).lean()) as MeetingDocument | null;
        if (!meeting) return reply({ ok: false, error: NOT_FOUND });
        const refusal = chatRefusal(actor, meeting);
        if (refusal) return reply({ ok: false, error: refusal });
      }
      socket.data.roomHands = { ...socket.data.roomHands, [meetingId]: raised };
      reply({ ok: true });
      schedulePresence(io, meetingId, logger);
    })().catch((error: unknown) => reply(failureAck(error, "read", logger, "room.hand")));
  });

  socket.on("disconnect", () => {
    for (const meetingId of [...stays.keys()]) leaveRoom(meetingId);
  });
}
