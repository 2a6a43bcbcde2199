import type mongoose from "mongoose";
import { anyOf } from "../db/anyOf.js";
import { can, type Actor } from "../policies/index.js";

/**
 * The part of a query on group content (threads, posts) that keeps it to what the actor may read: network-wide
 * spaces (groupId null) and the actor's groups; moderators and experts read every group. Visitors read none.
 * This mirrors the Category/Thread read policies for lists, where checking each document would not scale.
 */
export function readableGroupFilter(actor: Actor | null): { groupId?: ReturnType<typeof anyOf> } | null {
  if (!actor) return null;
  if (can(actor, "readAll", "Group", null)) return {};
  return { groupId: anyOf<mongoose.Types.ObjectId | string | null>([...actor.groups.keys(), null]) };
}
