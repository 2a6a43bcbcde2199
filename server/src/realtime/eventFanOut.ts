import type { ForumIo } from "./socketServer.js";
import type { Logger } from "../logger.js";
import { Post } from "../models/Post.js";
import { presentPost } from "../presenters/postPresenter.js";
import { loadAuthors } from "../services/authorDirectory.js";
import { eventBus } from "../services/eventBus.js";
import { threadRoom, userRoom } from "./rooms.js";

/** Turns recorded events into live updates for the rooms allowed to see them. */
export function startEventFanOut(io: ForumIo, logger: Logger): () => void {
  return eventBus.subscribe((event) => {
    if (event.name === "users.suspend") {
      // A suspended person keeps no open line into the forum.
      io.in(userRoom(event.subjectId.toString())).disconnectSockets(true);
      return;
    }
    if (event.name !== "posts.create" || !event.threadId) return;
    const threadId = event.threadId.toString();
    Post.findById(event.subjectId)
      .lean()
      .then(async (post) => {
        if (!post) return;
        const authors = await loadAuthors([post.authorId]);
        io.to(threadRoom(threadId)).emit("post.created", { threadId, post: presentPost(post, authors) });
      })
      .catch((error: unknown) => logger.error({ err: error, event: event.name }, "live fan-out failed"));
  });
}
