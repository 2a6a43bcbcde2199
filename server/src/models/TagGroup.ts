import mongoose, { type InferSchemaType } from "mongoose";
import { displayTextFields } from "./displayText.js";

/** A facet of the taxonomy, e.g. "Kompetencje kluczowe" or "Etap edukacyjny". */
const tagGroupSchema = new mongoose.Schema(
  {
    slug: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    description: { type: String, default: "" },
    position: { type: Number, default: 0 },
  },
  { timestamps: true },
);

displayTextFields(tagGroupSchema, ["name"]);
export type TagGroupDocument = InferSchemaType<typeof tagGroupSchema> & { _id: mongoose.Types.ObjectId };
export const TagGroup = mongoose.model("TagGroup", tagGroupSchema, "tagGroups");
