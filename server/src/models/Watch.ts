import mongoose, { type InferSchemaType } from "mongoose";
import { WATCH_LEVELS } from "@forum/shared";

export const WATCH_TARGETS = ["thread", "category"] as const;
export type WatchTarget = (typeof WATCH_TARGETS)[number];

/** A person's chosen watch level of one thread or category; no document = the default. */
const watchSchema = new mongoose.Schema(
  {
    userId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true },
    targetType: { type: String, required: true, enum: WATCH_TARGETS },
    targetId: { type: mongoose.Schema.Types.ObjectId, required: true },
    level: { type: String, required: true, enum: WATCH_LEVELS },
  },
  { timestamps: true },
);
watchSchema.index({ userId: 1, targetType: 1, targetId: 1 }, { unique: true });
// Who watches this thread / category: asked on every new post.
watchSchema.index({ targetType: 1, targetId: 1, level: 1 });

export type WatchDocument = InferSchemaType<typeof watchSchema> & { _id: mongoose.Types.ObjectId };
export const Watch = mongoose.model("Watch", watchSchema, "watches");
