import type { Server as HttpServer } from "node:http";
import type { RequestHandler } from "express";
import passport from "passport";
import { Server, type ServerOptions } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketAck } from "@forum/shared";
import { isSameOrigin, type OriginSettings } from "../http/originCheck.js";
import type { Logger } from "../logger.js";
import { Group } from "../models/Group.js";
import { Thread } from "../models/Thread.js";
import { effectiveStatus } from "../domain/userStatus.js";
import { can, loadActor, type Actor } from "../policies/index.js";
import { failureAck } from "./socketFailure.js";
import { handshakeAddress } from "./socketContext.js";
import { mongooseIdOrNull } from "./ids.js";
import { groupRoom, NETWORK_ROOM, threadRoom, userRoom } from "./rooms.js";
import { startEventFanOut } from "./eventFanOut.js";
import { startGroupMembershipFanOut } from "./groupMembershipFanOut.js";
import { listenForTasks, type ClusterEvents } from "./inEveryProcess.js";
import { postModerationRooms, startPostModerationFanOut } from "./postModerationFanOut.js";
import { peopleModerationRooms, startPeopleModerationFanOut } from "./peopleModerationFanOut.js";
import { startThreadStateFanOut } from "./threadStateFanOut.js";
import { relayTyping } from "./typingRelay.js";
import type { RoomProfile } from "./roomPresence.js";
import { handleRoomSocket } from "./roomSocket.js";
import { startRoomFanOut } from "./roomFanOut.js";
import { startThreadRestructureFanOut } from "./threadRestructureFanOut.js";
import { startRoomRecordFanOut } from "./roomRecordFanOut.js";
import { startRoomQaFanOut } from "./roomQaFanOut.js";

export interface SocketData {
  actor: Actor | null;
  /** The client's address, found once at the handshake (see socketContext.ts). */
  address: string | null;
  /** Shown to others (typing indicator). */
  name: string;
  /** Group rooms (and the network room) the person may read, joined as the connection opens. */
  activityRooms: string[];
  /** Who this is in a live room's participants list (set on the first room.join). */
  roomProfile?: RoomProfile | null;
  /** meetingId → hand raised on this connection (not stored anywhere else). */
  roomHands?: Record<string, boolean>;
}

/** The group rooms (and the network room) whose activity this person may see. */
async function readableGroupRooms(actor: Actor): Promise<string[]> {
  const groups = await Group.find({}, { _id: 1 }).lean();
  const readable = groups.filter((group) => can(actor, "read", "Group", group));
  // Network-wide threads are open to every signed-in person (see threadPolicy).
  const network = can(actor, "read", "Thread", { groupId: null }) ? [NETWORK_ROOM] : [];
  return [...readable.map((group) => groupRoom(group._id.toString())), ...network];
}

/** Socket.IO on the same HTTP server, authenticated from the same session cookie as HTTP. */
export type ForumIo = Server<ClientToServerEvents, ServerToClientEvents, ClusterEvents, SocketData>;

export function createSocketServer(
  httpServer: HttpServer,
  sessionMiddleware: RequestHandler,
  logger: Logger,
  originSettings: OriginSettings,
  /** The Redis adapter when REDIS_URL is set; else rooms live in this process's memory. */
  adapter?: ServerOptions["adapter"],
): ForumIo {
  const io: ForumIo = new Server(httpServer, {
    serveClient: false,
    ...(adapter ? { adapter } : {}),
    // The handshake carries the session cookie, so another site must not be able to open it.
    allowRequest: (request, callback) => callback(null, isSameOrigin(request, originSettings)),
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
  });
  io.engine.use(sessionMiddleware);
  io.engine.use(passport.initialize());
  io.engine.use(passport.session());

  io.use((socket, next) => {
    const user = (socket.request as { user?: Express.User }).user;
    socket.data.name = user?.name ?? "";
    socket.data.activityRooms = [];
    socket.data.address = handshakeAddress(socket.handshake, originSettings.trustProxy);
    if (!user || effectiveStatus(user) !== "active") {
      socket.data.actor = null;
      return next();
    }
    loadActor(user)
      .then(async (actor) => {
        socket.data.actor = actor;
        // Found before the connection opens, so no activity slips by between "connect" and joining.
        socket.data.activityRooms = await readableGroupRooms(actor);
        next();
      })
      .catch(next);
  });

  io.on("connection", (socket) => {
    const actor = socket.data.actor;
    if (actor)
      void socket.join([
        userRoom(actor.id),
        ...socket.data.activityRooms,
        ...peopleModerationRooms(actor),
        ...postModerationRooms(actor),
      ]);

    socket.on("thread.join", (payload: unknown, ack: unknown) => {
      const reply = typeof ack === "function" ? (ack as (answer: SocketAck) => void) : () => undefined;
      const threadId = mongooseIdOrNull(
        typeof payload === "object" && payload !== null && "threadId" in payload ? payload.threadId : null,
      );
      if (!threadId) return reply({ ok: false, error: "Nieprawidłowy wątek." });
      Thread.findById(threadId, { groupId: 1 })
        .lean()
        .then((thread) => {
          if (!thread || !can(actor, "read", "Thread", thread))
            return reply({ ok: false, error: "Nie znaleziono wątku." });
          void socket.join(threadRoom(thread._id.toString()));
          reply({ ok: true });
        })
        .catch((error: unknown) => reply(failureAck(error, "read", logger, "thread.join")));
    });

    socket.on("thread.leave", (payload: unknown) => {
      const threadId = mongooseIdOrNull(
        typeof payload === "object" && payload !== null && "threadId" in payload ? payload.threadId : null,
      );
      if (threadId) void socket.leave(threadRoom(threadId.toString()));
    });

    relayTyping(socket, logger);
    handleRoomSocket(io, socket, logger);
  });

  listenForTasks(io, logger, Boolean(adapter));
  startEventFanOut(io, logger);
  startGroupMembershipFanOut(io, logger);
  startPostModerationFanOut(io, logger);
  startPeopleModerationFanOut(io, logger);
  startThreadStateFanOut(io, logger);
  startThreadRestructureFanOut(io, logger);
  startRoomRecordFanOut(io, logger);
  startRoomFanOut(io, logger);
  startRoomQaFanOut(io, logger);
  return io;
}
