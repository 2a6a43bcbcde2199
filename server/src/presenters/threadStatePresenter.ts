import type { ThreadUpdate } from "@forum/shared";
import type { ThreadDocument } from "../models/Thread.js";
import { presentThreadState } from "../domain/threadState.js";
import { loadTags, tagsOf } from "../queries/tagDirectory.js";

/** A thread's title, tags and moderation state as everyone sees them (the live push and the tools' answers). */
export async function presentThreadUpdate(thread: ThreadDocument): Promise<ThreadUpdate> {
  const tags = await loadTags(thread.tags);
  return {
    threadId: thread._id.toString(),
    categoryId: thread.categoryId.toString(),
    groupId: thread.groupId?.toString() ?? null,
    title: thread.title,
    tags: tagsOf(thread.tags, tags),
    state: presentThreadState(thread),
  };
}
