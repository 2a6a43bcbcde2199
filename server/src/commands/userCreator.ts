import type mongoose from "mongoose";
import type { AddresseeGroup, Role } from "@forum/shared";
import { User, type UserDocument } from "../models/User.js";
import { hashPassword } from "../infra/passwords.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface UserCreatorProps {
  email: string;
  /** Plain password; only its argon2id hash is stored. Or give `passwordHash` when it is hashed already. */
  password: string | { hash: string };
  name: string;
  role: Role;
  jstId: mongoose.Types.ObjectId | null;
  position: string | null;
  addresseeGroup: AddresseeGroup | null;
  actorId: mongoose.Types.ObjectId | null;
  context?: RequestContext;
}

export async function userCreator(props: UserCreatorProps): Promise<UserDocument> {
  const created = await User.create({
    email: props.email,
    passwordHash: typeof props.password === "string" ? await hashPassword(props.password) : props.password.hash,
    name: props.name,
    role: props.role,
    jstId: props.jstId,
    position: props.position,
    addresseeGroup: props.addresseeGroup,
  });
  const user = created.toObject() as UserDocument;
  await recordEvent({
    name: "users.create",
    actorId: props.actorId,
    subjectType: "User",
    subjectId: user._id,
    data: { after: { email: user.email, role: user.role } },
    context: props.context,
  });
  return user;
}
