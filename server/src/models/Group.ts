import mongoose, { type InferSchemaType } from "mongoose";
import { displayTextFields } from "./displayText.js";

/** A Grupa Wymiany Doświadczeń: a private space of 6–8 JSTs. */
const groupSchema = new mongoose.Schema(
  {
    slug: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    cohort: { type: String, required: true },
    description: { type: String, default: "" },
    /** Bounded: a group has 6–8 member JSTs. */
    jstIds: [{ type: mongoose.Schema.Types.ObjectId, ref: "Jst" }],
    memberCount: { type: Number, default: 0 },
    /** Moderator's choice: members may tag the group's threads with free tags besides the taxonomy. */
    allowFreeTags: { type: Boolean, default: false },
  },
  { timestamps: true },
);

displayTextFields(groupSchema, ["name"]);
export type GroupDocument = InferSchemaType<typeof groupSchema> & { _id: mongoose.Types.ObjectId };
export const Group = mongoose.model("Group", groupSchema, "groups");
