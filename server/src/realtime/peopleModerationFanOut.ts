import type { ApprovalDecision } from "@forum/shared";
import type { Logger } from "../logger.js";
import { PendingPost } from "../models/PendingPost.js";
import { User } from "../models/User.js";
import { can, type Actor } from "../policies/index.js";
import { eventBus } from "../infra/eventBus.js";
import { activeSilence } from "../domain/silenceStatus.js";
import type { ForumIo } from "./socketServer.js";
import { inEveryProcess } from "./inEveryProcess.js";
import { STAFF_ROOM, userRoom } from "./rooms.js";

const QUEUE_EVENTS = new Set(["pendingPosts.create", "posts.approve", "posts.reject"]);

/** The rooms a connection joins for the approval queue: the policies decide who decides on waiting posts. */
export const peopleModerationRooms = (actor: Actor): string[] =>
  can(actor, "list", "PendingPost", null) ? [STAFF_ROOM] : [];

/**
 * Live side of the approval queue and of silences: moderators' queues learn the new total, an
 * author learns the decision on their waiting post (the published post itself arrives as the
 * ordinary post.created), and a silenced person's open connections stop relaying their writes.
 */
export function startPeopleModerationFanOut(io: ForumIo, logger: Logger): () => void {
  return eventBus.subscribe((event) => {
    const fail = (error: unknown) =>
      logger.error({ err: error, event: event.name }, "people moderation fan-out failed");
    if (QUEUE_EVENTS.has(event.name)) {
      PendingPost.countDocuments({ status: "pending" })
        .then((total) => io.to(STAFF_ROOM).emit("approval.changed", { total }))
        .catch(fail);
    }
    if (event.name === "posts.approve" || event.name === "posts.reject") {
      const decision: ApprovalDecision =
        event.name === "posts.approve"
          ? {
              pendingId: event.data.pendingId,
              status: "approved",
              threadId: event.threadId?.toString() ?? null,
              message: null,
            }
          : { pendingId: event.data.pendingId, status: "rejected", threadId: null, message: event.data.reason };
      io.to(userRoom(event.data.targetUserId)).emit("approval.decided", decision);
    }
    if (event.name === "users.silence" || event.name === "users.unsilence") {
      void refreshSilence(io, event.subjectId.toString()).catch(fail);
    }
  });
}

/** The connection's actor is what socket writes (typing) are checked against: each process updates its own. */
const refreshSilenceOfConnections = inEveryProcess("silence.refresh", async (io: ForumIo, userId: string) => {
  const user = await User.findById(userId, { silence: 1 }).lean();
  const silence = user ? activeSilence(user) : null;
  for (const socket of await io.local.in(userRoom(userId)).fetchSockets()) {
    if (socket.data.actor) socket.data.actor.silence = silence;
  }
});

async function refreshSilence(io: ForumIo, userId: string): Promise<void> {
  await refreshSilenceOfConnections(io, userId);
  const user = await User.findById(userId, { silence: 1 }).lean();
  const silence = user ? activeSilence(user) : null;
  io.to(userRoom(userId)).emit("silence.changed", {
    silence: silence ? { reason: silence.reason, until: silence.until ? silence.until.toISOString() : null } : null,
  });
}
