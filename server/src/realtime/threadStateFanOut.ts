import type { Logger } from "../logger.js";
import { Thread } from "../models/Thread.js";
import { presentThreadUpdate } from "../presenters/threadStatePresenter.js";
import { eventBus } from "../infra/eventBus.js";
import { groupRoom, NETWORK_ROOM, threadRoom } from "./rooms.js";
import type { ForumIo } from "./socketServer.js";

/** Moderator changes to a thread that everyone looking at it (or at its category) sees at once. */
export const THREAD_STATE_EVENTS = new Set([
  "threads.pin",
  "threads.unpin",
  "threads.lock",
  "threads.unlock",
  "threads.scheduleClose",
  "threads.setSlowMode",
  "threads.edit",
]);

/** `thread.updated` to the thread's room and to its group's room (or the network room). */
export function startThreadStateFanOut(io: ForumIo, logger: Logger): () => void {
  return eventBus.subscribe((event) => {
    if (!THREAD_STATE_EVENTS.has(event.name) || !event.threadId) return;
    Thread.findById(event.threadId)
      .lean()
      .then(async (thread) => {
        if (!thread) return;
        const update = await presentThreadUpdate(thread);
        io.to(threadRoom(update.threadId))
          .to(update.groupId ? groupRoom(update.groupId) : NETWORK_ROOM)
          .emit("thread.updated", update);
      })
      .catch((error: unknown) => logger.error({ err: error, event: event.name }, "thread state fan-out failed"));
  });
}
