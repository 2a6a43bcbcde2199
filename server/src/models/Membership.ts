import mongoose, { type InferSchemaType } from "mongoose";
import { GROUP_ROLES } from "@forum/shared";

/** One user's place in one group; one document each, so a group's roster is never an unbounded array. */
const membershipSchema = new mongoose.Schema(
  {
    groupId: { type: mongoose.Schema.Types.ObjectId, ref: "Group", required: true },
    userId: { type: mongoose.Schema.Types.ObjectId, ref: "User", required: true, index: true },
    role: { type: String, required: true, enum: GROUP_ROLES, default: "member" },
  },
  { timestamps: true },
);
membershipSchema.index({ groupId: 1, userId: 1 }, { unique: true });

export type MembershipDocument = InferSchemaType<typeof membershipSchema> & { _id: mongoose.Types.ObjectId };
export const Membership = mongoose.model("Membership", membershipSchema, "memberships");
