import mongoose from "mongoose";
import type { Logger } from "../logger.js";
import { Category } from "../models/Category.js";
import { Group } from "../models/Group.js";
import { can } from "../policies/index.js";
import { eventBus } from "../infra/eventBus.js";
import { dispatchEvent, handles, type EventHandlers } from "../events/eventHandlers.js";
import type { PublishedEvent } from "../events/forumEvent.js";
import type { ForumIo } from "./socketServer.js";
import { inEveryProcess } from "./inEveryProcess.js";
import { groupRoom, NETWORK_ROOM, threadRoom } from "./rooms.js";

const objectIdOrNull = (id: string | null | undefined) => (id ? new mongoose.Types.ObjectId(id) : null);

/**
 * Browsers with a restructured thread open follow it: a move shows the new place (or, to those
 * who may no longer read it, only that it is gone, and they leave its room), a merge sends them
 * to the target thread, a split takes the posts out of one thread and into another.
 */
export function startThreadRestructureFanOut(io: ForumIo, logger: Logger): () => void {
  return eventBus.subscribe((event) => {
    if (!handles(HANDLERS, event)) return;
    tellSpaces(io, event);
    dispatchEvent(HANDLERS, event.name, event, io)?.catch((error: unknown) =>
      logger.error({ err: error, event: event.name }, "live fan-out failed"),
    );
  });
}

// Whether each reader may still read is decided on their connection's actor, in the process holding it.
const tellMoved = inEveryProcess(
  "thread.moved",
  async (
    io: ForumIo,
    place: {
      threadId: string;
      groupId: string | null;
      category: { id: string; name: string };
      group: { slug: string; name: string };
    },
  ) => {
    const { threadId, category, group } = place;
    const groupId = objectIdOrNull(place.groupId);
    for (const socket of await io.local.in(threadRoom(threadId)).fetchSockets()) {
      if (!can(socket.data.actor, "read", "Thread", { groupId })) {
        socket.emit("thread.moved", { threadId, readable: false });
        socket.leave(threadRoom(threadId));
        continue;
      }
      socket.emit("thread.moved", { threadId, readable: true, category, group });
    }
  },
);

const tellMerged = inEveryProcess(
  "thread.merged",
  async (io: ForumIo, merge: { threadId: string; targetId: string; targetGroupId: string | null }) => {
    const target = { groupId: objectIdOrNull(merge.targetGroupId) };
    for (const socket of await io.local.in(threadRoom(merge.threadId)).fetchSockets()) {
      const readable = can(socket.data.actor, "read", "Thread", target);
      socket.emit("thread.merged", { threadId: merge.threadId, targetThreadId: readable ? merge.targetId : null });
    }
  },
);

const HANDLERS: EventHandlers<ForumIo, Promise<void>> = {
  "threads.move": async (event, io) => {
    const threadId = event.subjectId.toString();
    const groupId = objectIdOrNull(event.data.after.groupId);
    const [category, group] = await Promise.all([
      Category.findById(event.data.after.categoryId, { name: 1 }).lean(),
      groupId ? Group.findById(groupId, { slug: 1, name: 1 }).lean() : null,
    ]);
    await tellMoved(io, {
      threadId,
      groupId: groupId?.toString() ?? null,
      category: { id: category?._id.toString() ?? "", name: category?.name ?? "" },
      group: group ? { slug: group.slug, name: group.name } : { slug: "", name: "Sieć liderów" },
    });
  },
  "threads.merge": async (event, io) => {
    const threadId = event.subjectId.toString();
    const targetId = event.data.after.threadId;
    await tellMerged(io, { threadId, targetId, targetGroupId: event.groupId?.toString() ?? null });
    io.to(threadRoom(targetId)).emit("thread.postsMoved", {
      threadId: targetId,
      direction: "in",
      postIds: event.data.before.postIds,
    });
  },
  "threads.split": async (event, io) => {
    const postIds = event.data.before.postIds;
    const sourceId = event.subjectId.toString();
    const targetId = event.data.after.threadId;
    io.to(threadRoom(sourceId)).emit("thread.postsMoved", { threadId: sourceId, direction: "out", postIds });
    io.to(threadRoom(targetId)).emit("thread.postsMoved", { threadId: targetId, direction: "in", postIds });
  },
};

/** The groups a restructure touched (null: the network), before and after. */
function spacesOf(event: PublishedEvent): (string | null | undefined)[] {
  switch (event.name) {
    case "threads.move":
      return [event.data.before.groupId, event.data.after.groupId];
    case "threads.merge":
      return [event.data.before.groupId];
    case "threads.split":
      return [event.data.after.groupId];
    default:
      return [];
  }
}

/** The spaces whose lists changed (before and after): their pages reload their counts and lists. */
function tellSpaces(io: ForumIo, event: PublishedEvent): void {
  const spaces = new Set([...spacesOf(event), event.groupId?.toString()]);
  const rooms = [...spaces]
    .filter((groupId) => groupId !== undefined)
    .map((groupId) => (groupId ? groupRoom(groupId) : NETWORK_ROOM));
  io.to(rooms).emit("threads.restructured", { threadId: event.subjectId.toString() });
}
