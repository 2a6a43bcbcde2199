import type { ModerationQueueCounts } from "@forum/shared";
import { Flag } from "../models/Flag.js";
import { PendingPost } from "../models/PendingPost.js";
import { User } from "../models/User.js";

/** Account requests waiting for a moderator's yes or no (/admin/prosby). */
export async function countPendingAccountRequests(): Promise<number> {
  return User.countDocuments({ status: "pending" });
}

/** Flags waiting for review (/moderacja/zgloszenia). */
export async function countPendingFlags(): Promise<number> {
  return Flag.countDocuments({ status: "pending" });
}

/** Posts held for approval before others see them (/moderacja/zatwierdzanie). */
export async function countPostsAwaitingApproval(): Promise<number> {
  return PendingPost.countDocuments({ status: "pending" });
}

export async function moderationQueueCounts(): Promise<ModerationQueueCounts> {
  const [accountRequests, flags, approvals] = await Promise.all([
    countPendingAccountRequests(),
    countPendingFlags(),
    countPostsAwaitingApproval(),
  ]);
  return { accountRequests, flags, approvals, total: accountRequests + flags + approvals };
}
