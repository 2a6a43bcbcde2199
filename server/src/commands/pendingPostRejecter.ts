import type mongoose from "mongoose";
import type { PendingPostDocument } from "../models/PendingPost.js";
import { claimPendingPost } from "./support/pendingPostClaim.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface PendingPostRejecterProps {
  pending: PendingPostDocument;
  moderatorId: mongoose.Types.ObjectId;
  /** Told to the author. */
  message: string;
  context?: RequestContext;
}

/** Turns a waiting post down: nothing is published; the author is told why (live and in the thread). */
export async function pendingPostRejecter(props: PendingPostRejecterProps): Promise<void> {
  const { pending } = props;
  await claimPendingPost(pending, "rejected", props.moderatorId, props.message);
  await recordEvent({
    name: "posts.reject",
    actorId: props.moderatorId,
    subjectType: "PendingPost",
    subjectId: pending._id,
    groupId: pending.groupId ?? null,
    threadId: pending.threadId ?? null,
    data: {
      before: { status: "pending" },
      after: { status: "rejected" },
      reason: props.message,
      pendingId: pending._id.toString(),
      kind: pending.kind,
      targetUserId: pending.authorId.toString(),
    },
    context: props.context,
  });
}
