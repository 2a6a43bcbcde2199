import type mongoose from "mongoose";
import { conflict } from "../../errors/AppError.js";
import { PendingPost, type PendingPostDocument } from "../../models/PendingPost.js";

const ALREADY_DECIDED = "Ten wpis został już rozpatrzony.";

/** Takes the item for this decision, so two moderators deciding at once cannot both publish it. */
export async function claimPendingPost(
  pending: PendingPostDocument,
  status: "approved" | "rejected",
  moderatorId: mongoose.Types.ObjectId,
  rejectionMessage: string | null,
): Promise<void> {
  const claimed = await PendingPost.findOneAndUpdate(
    { _id: pending._id, status: "pending" },
    { $set: { status, decidedById: moderatorId, decidedAt: new Date(), rejectionMessage } },
    { returnDocument: "after" },
  ).lean();
  if (!claimed) throw conflict(ALREADY_DECIDED);
}
