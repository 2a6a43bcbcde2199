import type mongoose from "mongoose";
import { TagFollow } from "../models/TagFollow.js";
import type { TagDocument } from "../models/Tag.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

/** Follows or stops following a tag; repeating either is harmless and records nothing. */
export async function tagFollowSetter(props: {
  tag: TagDocument;
  userId: mongoose.Types.ObjectId;
  follow: boolean;
  context?: RequestContext;
}): Promise<void> {
  const filter = { userId: props.userId, tagSlug: props.tag.slug };
  const changed = props.follow
    ? (await TagFollow.updateOne(filter, { $setOnInsert: filter }, { upsert: true })).upsertedCount > 0
    : (await TagFollow.deleteOne(filter)).deletedCount > 0;
  if (!changed) return;
  await recordEvent({
    name: props.follow ? "tags.follow" : "tags.unfollow",
    actorId: props.userId,
    subjectType: "Tag",
    subjectId: props.tag._id,
    data: { slug: props.tag.slug },
    context: props.context,
  });
}
