import type mongoose from "mongoose";
import { Category } from "../../models/Category.js";
import { Thread } from "../../models/Thread.js";

/**
 * Sets a category's thread count from its threads (merged stubs left out). Counted rather than
 * incremented so that a restructuring interrupted and run again cannot count a thread twice.
 */
export async function recountCategoryThreads(categoryId: mongoose.Types.ObjectId): Promise<void> {
  const threadCount = await Thread.countDocuments({ categoryId, mergedIntoId: null });
  await Category.updateOne({ _id: categoryId }, { $set: { threadCount } });
}
