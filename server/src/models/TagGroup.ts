import mongoose, { type InferSchemaType } from "mongoose";

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

export type TagGroupDocument = InferSchemaType<typeof tagGroupSchema> & { _id: mongoose.Types.ObjectId };
export const TagGroup = mongoose.model("TagGroup", tagGroupSchema, "tagGroups");
