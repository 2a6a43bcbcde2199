import type mongoose from "mongoose";
import type { Role } from "@forum/shared";
import { User, type UserDocument } from "../models/User.js";
import { recordEvent } from "./recordEvent.js";

export interface UserRoleChangerProps {
  user: UserDocument;
  role: Role;
  actorId: mongoose.Types.ObjectId;
  ip?: string | null;
}

export async function userRoleChanger(props: UserRoleChangerProps): Promise<UserDocument> {
  const updated = await User.findOneAndUpdate(
    { _id: props.user._id },
    { $set: { role: props.role } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw new Error("user vanished while changing role");
  await recordEvent({
    name: "users.changeRole",
    actorId: props.actorId,
    subjectType: "User",
    subjectId: props.user._id,
    data: { before: { role: props.user.role }, after: { role: props.role } },
    ip: props.ip ?? null,
  });
  return updated;
}
