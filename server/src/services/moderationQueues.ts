import mongoose from "mongoose";
import type { ModerationQueueCounts } from "@forum/shared";
import { Flag } from "../models/Flag.js";
import { User } from "../models/User.js";

/** Account requests waiting for a moderator's yes or no (/admin/prosby). */
export async function countPendingAccountRequests(): Promise<number> {
  return User.countDocuments({ status: "pending" });
}

/* MERGE NOTE (issue 5): post approval is built on another branch; swap its counter at the merge. */

/** Flags waiting for review (/moderacja/zgloszenia). */
export async function countPendingFlags(): Promise<number> {
  return Flag.countDocuments({ status: "pending" });
}

/** Posts held for approval before others see them (/moderacja/zatwierdzanie). */
export async function countPostsAwaitingApproval(): Promise<number> {
  return mongoose.connection.collection("posts").countDocuments({ "approval.status": "pending" });
}

export async function moderationQueueCounts(): Promise<ModerationQueueCounts> {
  const [accountRequests, flags, approvals] = await Promise.all([
    countPendingAccountRequests(),
    countPendingFlags(),
    countPostsAwaitingApproval(),
  ]);
  return { accountRequests, flags, approvals, total: accountRequests + flags + approvals };
}
