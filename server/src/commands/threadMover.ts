import type mongoose from "mongoose";
import { conflict } from "../errors/AppError.js";
import type { CategoryDocument } from "../models/Category.js";
import { ReadPosition } from "../models/ReadPosition.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { recountCategoryThreads } from "./support/categoryThreadCount.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface ThreadMoverProps {
  /** Already authorized for restructuring. */
  thread: ThreadDocument;
  /** Where it goes; already authorized for managing. */
  category: CategoryDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/**
 * Moves a thread to another category, in any space. The thread's own copy of the group moves
 * with it, so access follows at once (the policies read thread.groupId). Watches and posts point
 * at the thread and follow by themselves; read positions carry copies of the place and are
 * updated; category counts are recounted. Each step sets absolute values: run again after a
 * crash, it finishes the move.
 */
export async function threadMover(props: ThreadMoverProps): Promise<void> {
  const { thread, category } = props;
  if (thread.categoryId.equals(category._id)) throw conflict("Wątek już jest w tej kategorii.");
  const place = { categoryId: category._id, groupId: category.groupId ?? null };
  await Thread.updateOne({ _id: thread._id }, { $set: place });
  await ReadPosition.updateMany({ threadId: thread._id }, { $set: place });
  await recountCategoryThreads(thread.categoryId);
  await recountCategoryThreads(category._id);
  await recordEvent({
    name: "threads.move",
    actorId: props.actorId,
    subjectType: "Thread",
    subjectId: thread._id,
    groupId: place.groupId,
    threadId: thread._id,
    data: {
      before: { categoryId: thread.categoryId.toString(), groupId: thread.groupId?.toString() ?? null },
      after: { categoryId: category._id.toString(), groupId: place.groupId?.toString() ?? null },
    },
    context: props.context,
  });
}
