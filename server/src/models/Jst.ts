import mongoose, { type InferSchemaType } from "mongoose";
import { JST_TYPES } from "@forum/shared";

/** A territorial unit from the official TERYT (TERC) register: voivodeship, powiat, city or gmina. */
const jstSchema = new mongoose.Schema(
  {
    /** 2 digits for a voivodeship, 4 for a powiat, 7 (WOJ+POW+GMI+RODZ) for a gmina. */
    teryt: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    type: { type: String, required: true, enum: JST_TYPES },
    voivodeshipCode: { type: String, required: true, index: true },
    voivodeship: { type: String, required: true },
    /** Lower-case name without diacritics, for type-ahead search. */
    searchName: { type: String, required: true, index: true },
  },
  { timestamps: false },
);

export type JstDocument = InferSchemaType<typeof jstSchema> & { _id: mongoose.Types.ObjectId };
export const Jst = mongoose.model("Jst", jstSchema, "jsts");
