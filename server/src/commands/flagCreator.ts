import type mongoose from "mongoose";
import type { CreateFlagInput } from "@forum/shared";
import { AppError, conflict } from "../errors/AppError.js";
import { Flag, type FlagDocument } from "../models/Flag.js";
import type { PostDocument } from "../models/Post.js";
import type { ThreadDocument } from "../models/Thread.js";
import { DELETED_POST_MESSAGE } from "./postEditor.js";
import { postHider } from "./postHider.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface FlagCreatorProps {
  /** The post reported (already authorized: readable, not the flagger's own). */
  post: PostDocument;
  thread: Pick<ThreadDocument, "_id" | "groupId">;
  flaggerId: mongoose.Types.ObjectId;
  input: CreateFlagInput;
  /** FLAGS_TO_HIDE: this many people's pending flags hide the post until review. */
  flagsToHide: number;
  context?: RequestContext;
}

/** Stores one person's report; enough distinct reporters hide the post until a moderator decides. */
export async function flagCreator(props: FlagCreatorProps): Promise<FlagDocument> {
  const { post, thread } = props;
  if (post.deletedAt) throw conflict(DELETED_POST_MESSAGE);
  if (post.hiddenAt) throw conflict("Ten wpis jest już ukryty przez moderację.");
  // One open flag per person per post; a resolved one does not stop a new report.
  if (await Flag.exists({ postId: post._id, flaggerId: props.flaggerId, status: "pending" }))
    throw conflict("Ten wpis został już przez Ciebie zgłoszony. Moderatorzy go przejrzą.");
  const created = await Flag.create({
    postId: post._id,
    threadId: thread._id,
    groupId: thread.groupId ?? null,
    postAuthorId: post.authorId,
    flaggerId: props.flaggerId,
    reason: props.input.reason,
    text: props.input.text,
  });
  const flag = created.toObject() as FlagDocument;
  await recordEvent({
    name: "flags.create",
    actorId: props.flaggerId,
    subjectType: "Flag",
    subjectId: flag._id,
    groupId: thread.groupId,
    threadId: thread._id,
    data: {
      postId: post._id.toString(),
      targetUserId: post.authorId.toString(),
      number: post.number,
      before: null,
      after: { reason: flag.reason, text: flag.text, status: flag.status },
    },
    context: props.context,
  });

  const flaggers = await Flag.distinct("flaggerId", { postId: post._id, status: "pending" });
  if (flaggers.length >= props.flagsToHide) {
    await postHider({ post, thread, moderatorId: null, reason: "" }).catch((error: unknown) => {
      // Another flag reached the threshold at the same moment and hid it.
      if (!(error instanceof AppError && error.status === 409)) throw error;
    });
  }
  return flag;
}
