import type { GroupRole } from "@forum/shared";
import type { ForumIo } from "./socketServer.js";
import type { Logger } from "../logger.js";
import { Post } from "../models/Post.js";
import { Thread } from "../models/Thread.js";
import { EVERYONE, peopleOfPost, presentPost } from "../presenters/postPresenter.js";
import { loadAuthors } from "../queries/authorDirectory.js";
import { eventBus } from "../infra/eventBus.js";
import { inEveryProcess } from "./inEveryProcess.js";
import { groupRoom, NETWORK_ROOM, threadRoom, userRoom } from "./rooms.js";

/** Events that change a post everyone in its thread is looking at. */
const POST_UPDATES = new Set([
  "posts.edit",
  "posts.delete",
  "posts.react",
  "posts.unreact",
  // Moderation: the push is the placeholder (EVERYONE reads no hidden text), see postModerationFanOut.ts.
  "posts.hide",
  "posts.restore",
]);

/** Turns recorded events into live updates for the rooms allowed to see them. */
export function startEventFanOut(io: ForumIo, logger: Logger): () => void {
  return eventBus.subscribe((event) => {
    if (event.name === "users.suspend" || event.name === "users.erase") {
      // A suspended person keeps no open line into the forum.
      io.in(userRoom(event.subjectId.toString())).disconnectSockets(true);
      return;
    }
    if (event.name === "groups.addMember") {
      const groupId = event.groupId?.toString() ?? null;
      if (!groupId) return;
      void joinGroupOnConnections(io, { userId: event.data.userId, groupId, role: event.data.role }).catch(
        (error: unknown) => logger.error({ err: error }, "live group welcome failed"),
      );
      return;
    }
    const live = event.name === "posts.create" ? "post.created" : POST_UPDATES.has(event.name) ? "post.updated" : null;
    if (!live || !event.threadId) return;
    const threadId = event.threadId.toString();
    Promise.all([
      Post.findById(event.subjectId).lean(),
      Thread.findById(event.threadId, { groupId: 1, categoryId: 1, title: 1 }).lean(),
    ])
      .then(async ([post, thread]) => {
        if (!post || !thread) return;
        const authors = await loadAuthors(peopleOfPost(post));
        // A push goes to a whole room: it carries the post as anyone sees it (no abilities, no "mine").
        io.to(threadRoom(threadId)).emit(live, { threadId, post: presentPost(post, thread, authors, EVERYONE) });
        if (event.name !== "posts.create") return;
        // Everyone who may read the group learns that its counts moved (not what was written).
        const groupId = thread.groupId?.toString() ?? null;
        io.to(groupId ? groupRoom(groupId) : NETWORK_ROOM).emit("thread.activity", {
          threadId,
          title: thread.title,
          categoryId: thread.categoryId.toString(),
          groupId,
          lastPostNumber: post.number,
          lastPostAt: post.createdAt.toISOString(),
          authorId: post.authorId.toString(),
        });
      })
      .catch((error: unknown) => logger.error({ err: error, event: event.name }, "live fan-out failed"));
  });
}

/**
 * Someone just added to a group, with the forum open: their open connections start following the
 * group at once (its rooms, its threads) instead of after the next reconnect. The connection's actor
 * is what thread joins are checked against: each process updates its own.
 */
const joinGroupOnConnections = inEveryProcess(
  "group.welcome",
  async (io: ForumIo, { userId, groupId, role }: { userId: string; groupId: string; role: GroupRole }) => {
    for (const socket of await io.local.in(userRoom(userId)).fetchSockets()) {
      socket.data.actor?.groups.set(groupId, role);
      socket.join(groupRoom(groupId));
    }
  },
);
