import type { Logger } from "../logger.js";
import { Flag } from "../models/Flag.js";
import { can, type Actor } from "../policies/index.js";
import { eventBus } from "../infra/eventBus.js";
import { FLAG_REVIEW_ROOM, threadRoom } from "./rooms.js";
import type { ForumIo } from "./socketServer.js";

/** The rooms a connection joins for the flag queue: the policies decide who reviews flags. */
export const postModerationRooms = (actor: Actor): string[] =>
  can(actor, "review", "Flag", null) ? [FLAG_REVIEW_ROOM] : [];

/**
 * Live moderation, beside eventFanOut (which pushes the placeholder of a hidden or restored post
 * to the whole thread room; the author and moderators then fetch their own copy): a purged post
 * leaves every open thread; the flag reviewers' queues hear of new and resolved flags (pushed to
 * the room of those the policies let review flags, with the number of pending flags only).
 */
export function startPostModerationFanOut(io: ForumIo, logger: Logger): () => void {
  return eventBus.subscribe((event) => {
    const fail = (error: unknown) => logger.error({ err: error, event: event.name }, "moderation fan-out failed");
    if (event.name === "posts.purge" && event.threadId) {
      const threadId = event.threadId.toString();
      io.to(threadRoom(threadId)).emit("post.removed", { threadId, postId: event.subjectId.toString() });
    }
    if (event.name === "flags.create" || event.name === "flags.resolve" || event.name === "posts.purge") {
      void pushQueueCount(io).catch(fail);
    }
  });
}

async function pushQueueCount(io: ForumIo): Promise<void> {
  const pending = await Flag.countDocuments({ status: "pending" });
  io.to(FLAG_REVIEW_ROOM).emit("moderation.queue", { pending });
}
