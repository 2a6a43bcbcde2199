import { Category } from "../../models/Category.js";
import { Event } from "../../models/Event.js";
import { Post, type PostDocument } from "../../models/Post.js";
import type { ThreadDocument } from "../../models/Thread.js";
import { draftDiscarder } from "../../infra/drafts.js";
import { recordEvent } from "../recordEvent.js";
import type { RequestContext } from "../../requestContext.js";
import { recountCategoryThreads } from "./categoryThreadCount.js";
import { finishPost } from "./postWrites.js";

/** The write steps of a new thread that its retry and the recovery of an interrupted write (jobs/writeRecovery.ts) repeat. */

/** Removes a first post whose thread was never created: nobody was ever told it exists. */
export async function undoOrphanFirstPost(post: PostDocument): Promise<void> {
  await Post.deleteOne({ _id: post._id, number: 1 });
}

/**
 * What follows storing a thread with its first post: the post's own steps, the category's
 * count, the draft, and the `threads.create` event. Every step can run twice; the recovery pass
 * (`recovering`) records the event only if it is not there yet.
 */
export async function finishThread(props: {
  thread: ThreadDocument;
  firstPost: PostDocument;
  context: RequestContext | undefined;
  recovering: boolean;
}): Promise<void> {
  const { thread, firstPost, context, recovering } = props;
  await finishPost({ post: firstPost, thread, context, recovering });
  // A recovery cannot know whether the first attempt counted the thread: it counts them all.
  if (recovering) await recountCategoryThreads(thread.categoryId);
  else await Category.updateOne({ _id: thread.categoryId }, { $inc: { threadCount: 1 } });
  await draftDiscarder({ userId: thread.authorId, scope: "category", targetId: thread.categoryId });
  if (recovering && (await Event.exists({ subjectId: thread._id, name: "threads.create" }))) return;
  await recordEvent({
    name: "threads.create",
    actorId: thread.authorId,
    subjectType: "Thread",
    subjectId: thread._id,
    groupId: thread.groupId,
    threadId: thread._id,
    data: {
      title: thread.title,
      tags: thread.tags,
      categoryId: thread.categoryId.toString(),
      firstPostId: firstPost._id.toString(),
    },
    context,
  });
}
