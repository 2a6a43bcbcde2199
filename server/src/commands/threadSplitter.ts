import type mongoose from "mongoose";
import { anyOf } from "../db/anyOf.js";
import { badRequest, conflict } from "../errors/AppError.js";
import { Attachment } from "../models/Attachment.js";
import type { CategoryDocument } from "../models/Category.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { recountCategoryThreads } from "./support/categoryThreadCount.js";
import { inTimeOrder, loadPlacedPosts, renumberInto, type PlacedPost } from "./support/postRenumbering.js";
import { planReadPositions, writeReadPositions } from "./support/readPositionRemap.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export type SplitTarget =
  { kind: "new"; title: string; category: CategoryDocument } | { kind: "existing"; thread: ThreadDocument };

export interface ThreadSplitterProps {
  /** The thread the posts leave (already authorized). */
  source: ThreadDocument;
  postIds: mongoose.Types.ObjectId[];
  /** Already authorized (the category managed, the thread restructurable). */
  target: SplitTarget;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

const OPENING_POST_STAYS =
  "Pierwszy wpis wątku zostaje na miejscu. Aby przenieść cały wątek, użyj „Przenieś wątek” albo „Scal”.";

/**
 * Moves selected posts into a new thread or an existing one; they keep their ids and are
 * numbered in time order among the target's posts, the posts left behind are numbered again
 * without gaps. The opening post never leaves, so the source always keeps a valid start.
 *
 * Without transactions: the posts are first put into the target, then the source is renumbered.
 * Posts already in the target count as selected, so after a crash the same split (into the
 * existing, or the just created, thread) can be run again and completes.
 */
export async function threadSplitter(props: ThreadSplitterProps): Promise<{ threadId: mongoose.Types.ObjectId }> {
  const { source, target } = props;
  if (target.kind === "existing") {
    if (target.thread._id.equals(source._id)) throw badRequest("Wybierz inny wątek niż ten, z którego przenosisz.");
    if (target.thread.mergedIntoId) throw conflict("Wątek docelowy został scalony z innym — wybierz tamten.");
  }
  const targetId = target.kind === "existing" ? target.thread._id : null;
  const selected = (await loadPlacedPosts([], props.postIds)).filter(
    (post) => post.threadId.equals(source._id) || (targetId !== null && post.threadId.equals(targetId)),
  );
  if (selected.length !== props.postIds.length)
    throw badRequest("Nie znaleziono niektórych zaznaczonych wpisów w tym wątku.");
  if (selected.some((post) => post.threadId.equals(source._id) && post.number === 1))
    throw conflict(OPENING_POST_STAYS);
  const selectedIds = new Set(selected.map((post) => post._id.toString()));
  const notSelected = (post: PlacedPost) => !selectedIds.has(post._id.toString());
  const remaining = inTimeOrder((await loadPlacedPosts([source._id])).filter(notSelected));
  if (remaining.length === 0) throw conflict(OPENING_POST_STAYS);

  const moved = inTimeOrder(selected);
  const destination = target.kind === "existing" ? target.thread : await createThread(target, moved);
  const ordered = inTimeOrder([...(await loadPlacedPosts([destination._id])).filter(notSelected), ...moved]);
  const plannedTarget = await planReadPositions([source._id, destination._id], ordered);
  const plannedSource = await planReadPositions([source._id], remaining);
  await renumberInto(destination._id, ordered);
  await renumberInto(source._id, remaining);
  await writeReadPositions(destination, plannedTarget);
  await writeReadPositions(source, plannedSource);
  await Attachment.updateMany(
    { postId: anyOf(moved.map((post) => post._id)) },
    { $set: { threadId: destination._id } },
  );
  if (target.kind === "new") await recountCategoryThreads(target.category._id);
  await recordEvent({
    name: "threads.split",
    actorId: props.actorId,
    subjectType: "Thread",
    subjectId: source._id,
    groupId: source.groupId ?? null,
    threadId: source._id,
    data: {
      before: {
        threadId: source._id.toString(),
        postIds: moved.map((post) => post._id.toString()),
        postCount: source.postCount,
      },
      after: {
        threadId: destination._id.toString(),
        created: target.kind === "new",
        categoryId: destination.categoryId.toString(),
        groupId: destination.groupId?.toString() ?? null,
        postCount: ordered.length,
        sourcePostCount: remaining.length,
      },
    },
    context: props.context,
  });
  return { threadId: destination._id };
}

/** The new thread starts empty; renumbering puts the posts (and its counters) in. */
async function createThread(
  target: Extract<SplitTarget, { kind: "new" }>,
  moved: PlacedPost[],
): Promise<ThreadDocument> {
  const opening = moved[0]!;
  const created = await Thread.create({
    categoryId: target.category._id,
    groupId: target.category.groupId ?? null,
    title: target.title,
    authorId: opening.authorId,
    lastPostAt: moved.at(-1)?.createdAt ?? opening.createdAt,
    createdAt: opening.createdAt,
  });
  return created.toObject() as ThreadDocument;
}
