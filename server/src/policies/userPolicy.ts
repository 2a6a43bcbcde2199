import type mongoose from "mongoose";
import type { Role } from "@forum/shared";
import { isStaff } from "./actor.js";
import { allow } from "./policy.js";

export interface UserSubject {
  _id: mongoose.Types.ObjectId;
  role: Role;
}

/** Moderators see and manage people; only admins touch admins, and nobody acts on themselves here. */
allow<UserSubject>("User", ["read", "list"], (actor) => actor !== null && isStaff(actor));

allow<UserSubject>("User", ["suspend"], (actor, user) => {
  if (!actor || !isStaff(actor) || actor.id === user._id.toString()) return false;
  return user.role !== "admin" || actor.role === "admin";
});

allow<UserSubject>("User", ["changeRole"], (actor, user) => {
  return actor !== null && actor.role === "admin" && actor.id !== user._id.toString();
});
