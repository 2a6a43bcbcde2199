import type mongoose from "mongoose";
import { anyOf } from "../db/anyOf.js";
import { badRequest, conflict } from "../errors/AppError.js";
import { Attachment } from "../models/Attachment.js";
import { ReadPosition } from "../models/ReadPosition.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { Watch } from "../models/Watch.js";
import { recountCategoryThreads } from "./support/categoryThreadCount.js";
import { inTimeOrder, loadPlacedPosts, renumberInto } from "./support/postRenumbering.js";
import { planReadPositions, writeReadPositions } from "./support/readPositionRemap.js";
import { carryThreadWatches } from "./support/watchCarrier.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface ThreadMergerProps {
  /** The thread that goes away (already authorized). */
  source: ThreadDocument;
  /** The thread that receives its posts (already authorized, with its category). */
  target: ThreadDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/**
 * Merges `source` into `target`: all posts end up in the target, numbered in time order (ids
 * kept, so links to a post by id still work), its watchers watch the target, its readers keep
 * what they had read. The source stays as an empty stub pointing to the target.
 *
 * Without transactions, the stub is written LAST: until then the source still looks like an
 * ordinary thread, so a merge interrupted midway can simply be run again, and every step before
 * it writes absolute values (upserts, renumbering, recounts) that a second run repeats harmlessly.
 */
export async function threadMerger(props: ThreadMergerProps): Promise<{ postCount: number }> {
  const { source, target } = props;
  if (source._id.equals(target._id)) throw badRequest("Nie można scalić wątku z nim samym.");
  if (source.mergedIntoId) throw conflict("Ten wątek został już scalony z innym.");
  if (target.mergedIntoId) throw conflict("Wątek docelowy został scalony z innym — wybierz tamten.");
  await carryThreadWatches(source._id, target._id);
  const posts = inTimeOrder(await loadPlacedPosts([source._id, target._id]));
  const sourcePostIds = posts.filter((post) => !post.threadId.equals(target._id)).map((post) => post._id);
  // Read positions are planned from the old numbers, before they change.
  const planned = await planReadPositions([source._id, target._id], posts);
  await renumberInto(target._id, posts);
  await writeReadPositions(target, planned);
  if (sourcePostIds.length > 0) {
    await Attachment.updateMany({ postId: anyOf(sourcePostIds) }, { $set: { threadId: target._id } });
  }
  await Thread.updateOne({ _id: source._id }, { $set: { mergedIntoId: target._id, postCount: 0, lastPostNumber: 0 } });
  await ReadPosition.deleteMany({ threadId: source._id });
  await Watch.deleteMany({ targetType: "thread", targetId: source._id });
  await recountCategoryThreads(source.categoryId);
  await recordEvent({
    name: "threads.merge",
    actorId: props.actorId,
    subjectType: "Thread",
    subjectId: source._id,
    groupId: target.groupId ?? null,
    threadId: target._id,
    data: {
      before: {
        threadId: source._id.toString(),
        categoryId: source.categoryId.toString(),
        groupId: source.groupId?.toString() ?? null,
        postIds: sourcePostIds.map((id) => id.toString()),
        targetPostCount: target.postCount,
      },
      after: { threadId: target._id.toString(), postCount: posts.length },
    },
    context: props.context,
  });
  return { postCount: posts.length };
}
