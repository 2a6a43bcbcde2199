import type mongoose from "mongoose";
import { Analysis } from "../models/Analysis.js";
import { PendingPost } from "../models/PendingPost.js";
import { Practice } from "../models/Practice.js";
import { TagFollow } from "../models/TagFollow.js";
import { Thread } from "../models/Thread.js";

/**
 * Everything that carries tag slugs in a `tags` array. The driver's collections are used because
 * these are our own filters on a slug (nothing from a request becomes an operator here).
 */
const taggedCollections = (): mongoose.mongo.Collection<{ tags: string[] }>[] =>
  [Thread, Practice, Analysis, PendingPost].map(
    (model) => model.collection as unknown as mongoose.mongo.Collection<{ tags: string[] }>,
  );

/** Takes a tag off every document; answers how many documents had it. */
export async function removeTagEverywhere(slug: string): Promise<number> {
  let changed = 0;
  for (const collection of taggedCollections()) {
    changed += (await collection.updateMany({ tags: slug }, { $pull: { tags: slug } })).modifiedCount;
  }
  await TagFollow.deleteMany({ tagSlug: slug });
  return changed;
}

/** Gives the documents (and followers) of one tag another tag instead; a document with both keeps one. */
export async function replaceTagEverywhere(from: string, to: string): Promise<number> {
  let changed = 0;
  for (const collection of taggedCollections()) {
    await collection.updateMany({ tags: from }, { $addToSet: { tags: to } });
    changed += (await collection.updateMany({ tags: from }, { $pull: { tags: from } })).modifiedCount;
  }
  const followers = await TagFollow.find({ tagSlug: from }, { userId: 1 }).lean();
  for (const follower of followers) {
    await TagFollow.updateOne(
      { userId: follower.userId, tagSlug: to },
      { $setOnInsert: { userId: follower.userId, tagSlug: to } },
      { upsert: true },
    );
  }
  await TagFollow.deleteMany({ tagSlug: from });
  return changed;
}
