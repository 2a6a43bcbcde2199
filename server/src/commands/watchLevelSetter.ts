import type mongoose from "mongoose";
import type { WatchLevel } from "@forum/shared";
import { Watch, type WatchTarget } from "../models/Watch.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface WatchLevelSetterProps {
  userId: mongoose.Types.ObjectId;
  /** A thread or a category (already authorized for reading). */
  targetType: WatchTarget;
  targetId: mongoose.Types.ObjectId;
  /** null: back to the default (no choice stored). */
  level: WatchLevel | null;
  groupId: mongoose.Types.ObjectId | null;
  context?: RequestContext;
}

/** Sets how closely a person follows a thread or category. */
export async function watchLevelSetter(props: WatchLevelSetterProps): Promise<WatchLevel | null> {
  const key = { userId: props.userId, targetType: props.targetType, targetId: props.targetId };
  if (props.level === null) await Watch.deleteOne(key);
  else await Watch.updateOne(key, { $set: { level: props.level }, $setOnInsert: key }, { upsert: true });
  await recordEvent({
    name: "watches.update",
    actorId: props.userId,
    subjectType: props.targetType === "thread" ? "Thread" : "Category",
    subjectId: props.targetId,
    groupId: props.groupId,
    threadId: props.targetType === "thread" ? props.targetId : null,
    data: { level: props.level },
    context: props.context,
  });
  return props.level;
}
