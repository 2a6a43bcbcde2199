import type { Logger } from "../logger.js";
import { Flag } from "../models/Flag.js";
import { User } from "../models/User.js";
import { anyOf } from "../db/anyOf.js";
import { eventBus } from "../infra/eventBus.js";
import { threadRoom, userRoom } from "./rooms.js";
import type { ForumIo } from "./socketServer.js";

const STAFF_ROLES = ["moderator", "admin"] as const;

/**
 * Live moderation, beside eventFanOut (which pushes the placeholder of a hidden or restored post
 * to the whole thread room; the author and moderators then fetch their own copy): a purged post
 * leaves every open thread; moderators' review queues hear of new and resolved flags (pushed to
 * each moderator's own room, with the number of pending flags only).
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
  const [pending, staff] = await Promise.all([
    Flag.countDocuments({ status: "pending" }),
    User.find({ role: anyOf(STAFF_ROLES) }, { _id: 1 }).lean(),
  ]);
  if (staff.length === 0) return;
  io.to(staff.map((person) => userRoom(person._id.toString()))).emit("moderation.queue", { pending });
}
