import type { Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketAck } from "@forum/shared";
import type { Logger } from "../logger.js";
import { Thread } from "../models/Thread.js";
import { can, type Actor } from "../policies/index.js";
import { mongooseIdOrNull } from "./ids.js";
import { threadRoom } from "./rooms.js";
import { lockedFor } from "../domain/threadState.js";

/** Clients send at most every 3 s; anything faster from one socket is dropped without a database query. */
const MIN_INTERVAL_MS = 2_000;

interface TypingSocketData {
  actor: Actor | null;
  name: string;
}

type TypingSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, TypingSocketData>;

/**
 * "Anna Kowalska is writing…": relayed to the others in the thread's room, only from someone
 * who is in that room and may reply there (the policies decide). Nothing is stored.
 */
export function relayTyping(socket: TypingSocket, logger: Logger): void {
  const lastRelayed = new Map<string, number>();

  socket.on("thread.typing", (payload: unknown, ack?: unknown) => {
    const reply = typeof ack === "function" ? (ack as (answer: SocketAck) => void) : () => undefined;
    const actor = socket.data.actor;
    const threadId = mongooseIdOrNull(
      typeof payload === "object" && payload !== null && "threadId" in payload ? payload.threadId : null,
    );
    if (!actor) return reply({ ok: false, error: "Zaloguj się, aby pisać." });
    if (!threadId) return reply({ ok: false, error: "Nieprawidłowy wątek." });
    const room = threadRoom(threadId.toString());
    if (!socket.rooms.has(room)) return reply({ ok: false, error: "Najpierw otwórz wątek." });
    const now = Date.now();
    if (now - (lastRelayed.get(room) ?? 0) < MIN_INTERVAL_MS) return reply({ ok: true });
    lastRelayed.set(room, now);

    Thread.findById(threadId, { groupId: 1, lock: 1, closesAt: 1 })
      .lean()
      .then((thread) => {
        // Nobody is "writing" where replies are refused (locked or closed, but for moderators).
        if (!thread || !can(actor, "reply", "Thread", thread) || lockedFor(actor, thread)) {
          return reply({ ok: false, error: "Nie możesz odpowiadać w tym wątku." });
        }
        socket.to(room).emit("thread.typing", {
          threadId: threadId.toString(),
          user: { id: actor.id, name: socket.data.name },
        });
        reply({ ok: true });
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, "thread.typing failed");
        reply({ ok: false, error: "Błąd serwera." });
      });
  });
}
