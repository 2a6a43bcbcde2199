import mongoose, { type InferSchemaType } from "mongoose";
import { displayTextFields } from "./displayText.js";

/** A Grupa Wymiany Doświadczeń: a private space of 6–8 JSTs. */
const groupSchema = new mongoose.Schema(
  {
    slug: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    /** The cohort's display name, kept with the group (lists and exports show it without a lookup). */
    cohort: { type: String, required: true },
    /** The cohort (edition) the group belongs to; given at start to groups made before cohorts existed. */
    cohortId: { type: mongoose.Schema.Types.ObjectId, ref: "Cohort", default: null },
    /** Set when the programme ended for the group: read-only for everyone (enforced in the policies). */
    archivedAt: { type: Date, default: null },
    archivedById: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
    description: { type: String, default: "" },
    /** Bounded: a group has 6–8 member JSTs. */
    jstIds: [{ type: mongoose.Schema.Types.ObjectId, ref: "Jst" }],
    memberCount: { type: Number, default: 0 },
    /** Moderator's choice: members may tag the group's threads with free tags besides the taxonomy. */
    allowFreeTags: { type: Boolean, default: false },
  },
  { timestamps: true },
);

groupSchema.index({ cohortId: 1, name: 1 });
groupSchema.index({ archivedAt: 1 });

displayTextFields(groupSchema, ["name"]);
export type GroupDocument = InferSchemaType<typeof groupSchema> & { _id: mongoose.Types.ObjectId };
export const Group = mongoose.model("Group", groupSchema, "groups");
