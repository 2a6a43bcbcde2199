import type mongoose from "mongoose";
import { FLAG_REASON_NAMES, type FlagReason, type FlagResolution, type FlagStatus } from "@forum/shared";
import { conflict } from "../errors/AppError.js";
import { anyOf } from "../db/anyOf.js";
import { Flag } from "../models/Flag.js";
import type { PostDocument } from "../models/Post.js";
import type { ThreadDocument } from "../models/Thread.js";
import { postHider } from "./postHider.js";
import { postRestorer } from "./postRestorer.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface FlagResolverProps {
  /** The flagged post (already authorized: moderators only). */
  post: PostDocument;
  thread: Pick<ThreadDocument, "_id" | "groupId">;
  moderatorId: mongoose.Types.ObjectId;
  resolution: FlagResolution;
  note: string;
  context?: RequestContext;
}

const STATUS_OF: Record<FlagResolution, FlagStatus> = { agree: "agreed", disagree: "disagreed", ignore: "ignored" };

/** The reason most flaggers gave, as the hide reason the author reads. */
function commonestReason(reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return FLAG_REASON_NAMES[(top?.[0] ?? "other") as FlagReason] ?? FLAG_REASON_NAMES.other;
}

/**
 * Closes every pending flag of one post with one decision: agree (and hide with the flags'
 * reason), disagree (and show it again if the flags hid it) or ignore (the post stays as it is).
 */
export async function flagResolver(props: FlagResolverProps): Promise<{ post: PostDocument; flagIds: string[] }> {
  const { post, thread } = props;
  const pending = await Flag.find({ postId: post._id, status: "pending" }).lean();
  if (pending.length === 0) throw conflict("Zgłoszenia tego wpisu zostały już rozpatrzone.");
  const status = STATUS_OF[props.resolution];
  const resolvedAt = new Date();
  const result = await Flag.updateMany(
    { _id: anyOf(pending.map((flag) => flag._id)), status: "pending" },
    { $set: { status, resolvedById: props.moderatorId, resolvedAt, resolutionNote: props.note } },
  );
  if (result.modifiedCount === 0) throw conflict("Zgłoszenia tego wpisu zostały już rozpatrzone.");
  const flagIds = pending.map((flag) => flag._id.toString());
  await recordEvent({
    name: "flags.resolve",
    actorId: props.moderatorId,
    subjectType: "Post",
    subjectId: post._id,
    groupId: thread.groupId,
    threadId: thread._id,
    data: {
      number: post.number,
      resolution: props.resolution,
      targetUserId: post.authorId.toString(),
      flagIds,
      flaggerIds: pending.map((flag) => flag.flaggerId.toString()),
      before: { status: "pending", hidden: Boolean(post.hiddenAt) },
      after: { status, note: props.note },
      reason: props.note || undefined,
    },
    context: props.context,
  });

  let current = post;
  const base = { thread, moderatorId: props.moderatorId, context: props.context };
  if (props.resolution === "agree" && (!post.hiddenAt || post.hiddenAuto)) {
    current = await postHider({ ...base, post, reason: commonestReason(pending.map((flag) => flag.reason)) });
  } else if (props.resolution === "disagree" && post.hiddenAt && post.hiddenAuto) {
    current = await postRestorer({ ...base, post });
  }
  return { post: current, flagIds };
}
