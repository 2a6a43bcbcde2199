import mongoose from "mongoose";
import type { Logger } from "../logger.js";
import { Category } from "../models/Category.js";
import type { EventDocument } from "../models/Event.js";
import { Group } from "../models/Group.js";
import { can } from "../policies/index.js";
import { eventBus } from "../infra/eventBus.js";
import type { ForumIo } from "./socketServer.js";
import { inEveryProcess } from "./inEveryProcess.js";
import { groupRoom, NETWORK_ROOM, threadRoom } from "./rooms.js";

interface Moved {
  before?: { threadId?: string; postIds?: string[] };
  after?: { threadId?: string; categoryId?: string; groupId?: string | null };
}

const objectIdOrNull = (id: string | null | undefined) => (id ? new mongoose.Types.ObjectId(id) : null);

/**
 * Browsers with a restructured thread open follow it: a move shows the new place (or, to those
 * who may no longer read it, only that it is gone, and they leave its room), a merge sends them
 * to the target thread, a split takes the posts out of one thread and into another.
 */
export function startThreadRestructureFanOut(io: ForumIo, logger: Logger): () => void {
  return eventBus.subscribe((event) => {
    const handler = HANDLERS[event.name];
    if (!handler) return;
    tellSpaces(io, event);
    handler(io, event).catch((error: unknown) =>
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

const HANDLERS: Record<string, (io: ForumIo, event: EventDocument) => Promise<void>> = {
  "threads.move": async (io, event) => {
    const data = event.data as Moved;
    const threadId = event.subjectId.toString();
    const groupId = objectIdOrNull(data.after?.groupId);
    const [category, group] = await Promise.all([
      Category.findById(data.after?.categoryId, { name: 1 }).lean(),
      groupId ? Group.findById(groupId, { slug: 1, name: 1 }).lean() : null,
    ]);
    await tellMoved(io, {
      threadId,
      groupId: groupId?.toString() ?? null,
      category: { id: category?._id.toString() ?? "", name: category?.name ?? "" },
      group: group ? { slug: group.slug, name: group.name } : { slug: "", name: "Sieć liderów" },
    });
  },
  "threads.merge": async (io, event) => {
    const data = event.data as Moved;
    const threadId = event.subjectId.toString();
    const targetId = data.after?.threadId ?? "";
    await tellMerged(io, { threadId, targetId, targetGroupId: event.groupId?.toString() ?? null });
    io.to(threadRoom(targetId)).emit("thread.postsMoved", {
      threadId: targetId,
      direction: "in",
      postIds: data.before?.postIds ?? [],
    });
  },
  "threads.split": async (io, event) => {
    const data = event.data as Moved;
    const postIds = data.before?.postIds ?? [];
    const sourceId = event.subjectId.toString();
    const targetId = data.after?.threadId ?? "";
    io.to(threadRoom(sourceId)).emit("thread.postsMoved", { threadId: sourceId, direction: "out", postIds });
    io.to(threadRoom(targetId)).emit("thread.postsMoved", { threadId: targetId, direction: "in", postIds });
  },
};

/** The spaces whose lists changed (before and after): their pages reload their counts and lists. */
function tellSpaces(io: ForumIo, event: EventDocument): void {
  const data = event.data as { before?: { groupId?: string | null }; after?: { groupId?: string | null } };
  const spaces = new Set([data.before?.groupId, data.after?.groupId, event.groupId?.toString()]);
  const rooms = [...spaces]
    .filter((groupId) => groupId !== undefined)
    .map((groupId) => (groupId ? groupRoom(groupId) : NETWORK_ROOM));
  io.to(rooms).emit("threads.restructured", { threadId: event.subjectId.toString() });
}
