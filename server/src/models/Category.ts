import mongoose, { type InferSchemaType } from "mongoose";
import { displayTextFields } from "./displayText.js";

/** A category inside a group, or network-wide when groupId is null. */
const categorySchema = new mongoose.Schema(
  {
    groupId: { type: mongoose.Schema.Types.ObjectId, ref: "Group", default: null },
    slug: { type: String, required: true },
    name: { type: String, required: true },
    description: { type: String, default: "" },
    kind: { type: String, enum: ["discussion", "announcements"], default: "discussion" },
    position: { type: Number, default: 0 },
    threadCount: { type: Number, default: 0 },
  },
  { timestamps: true },
);
categorySchema.index({ groupId: 1, slug: 1 }, { unique: true });
categorySchema.index({ groupId: 1, position: 1 });

displayTextFields(categorySchema, ["name"]);
export type CategoryDocument = InferSchemaType<typeof categorySchema> & { _id: mongoose.Types.ObjectId };
export const Category = mongoose.model("Category", categorySchema, "categories");
