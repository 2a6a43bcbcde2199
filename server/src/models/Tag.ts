import mongoose, { type InferSchemaType } from "mongoose";
import { displayTextFields } from "./displayText.js";

/** A tag of the taxonomy; threads (and later practices) refer to it by slug. */
const tagSchema = new mongoose.Schema(
  {
    slug: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    /** Shown on the tag's page: what belongs under it. */
    description: { type: String, default: "" },
    tagGroupId: { type: mongoose.Schema.Types.ObjectId, ref: "TagGroup", required: true },
    position: { type: Number, default: 0 },
  },
  { timestamps: true },
);
tagSchema.index({ tagGroupId: 1, position: 1 });

displayTextFields(tagSchema, ["name"]);
export type TagDocument = InferSchemaType<typeof tagSchema> & { _id: mongoose.Types.ObjectId };
export const Tag = mongoose.model("Tag", tagSchema, "tags");
