import mongoose, { type InferSchemaType } from "mongoose";
import { ADDRESSEE_GROUPS, ROLES } from "@forum/shared";

const userSchema = new mongoose.Schema(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    passwordHash: { type: String, required: true },
    name: { type: String, required: true, trim: true },
    role: { type: String, required: true, enum: ROLES, default: "member" },
    status: { type: String, required: true, enum: ["active", "pending", "suspended"], default: "active" },
    jstId: { type: mongoose.Schema.Types.ObjectId, ref: "Jst", default: null },
    position: { type: String, default: null },
    addresseeGroup: { type: String, enum: [...ADDRESSEE_GROUPS, null], default: null },
  },
  { timestamps: true },
);

export type UserDocument = InferSchemaType<typeof userSchema> & { _id: mongoose.Types.ObjectId };
export const User = mongoose.model("User", userSchema, "users");
