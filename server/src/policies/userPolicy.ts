import type mongoose from "mongoose";
import type { Role, UserStatus } from "@forum/shared";
import { isStaff, type Actor } from "./actor.js";
import { allow } from "./policy.js";

export interface UserSubject {
  _id: mongoose.Types.ObjectId;
  role: Role;
  status?: UserStatus;
}

/** An erased account is an anonymous shell kept for the record: nobody changes its role or moderates it. */
const isErased = (user: UserSubject) => user.status === "erased";

/** Moderators see and manage people; only admins touch admins, and nobody acts on themselves here. */
allow<UserSubject>("User", ["read", "list"], (actor) => actor !== null && isStaff(actor));

/** Admins suspend and silence anyone but themselves; moderators only members and experts. */
allow<UserSubject>("User", ["suspend", "silence"], (actor, user) => {
  if (!actor || !isStaff(actor) || actor.id === user._id.toString() || isErased(user)) return false;
  return actor.role === "admin" || user.role === "member" || user.role === "expert";
});
/** Notes about a person and their moderation history: moderators and admins only. */
allow<UserSubject>("User", ["moderate", "note"], (actor) => actor !== null && isStaff(actor));

export interface UserNoteSubject {
  authorId: mongoose.Types.ObjectId;
}
/** A note is deleted only by the moderator who wrote it (the event keeps it in the audit log). */
allow<UserNoteSubject>("UserNote", ["delete"], (actor, note) => {
  return actor !== null && isStaff(actor) && note.authorId.toString() === actor.id;
});
allow<UserNoteSubject>("UserNote", ["read"], (actor) => actor !== null && isStaff(actor));

/** RODO: only admins erase an account on request or restrict its processing, never their own here. */
allow<UserSubject>("User", ["erase", "restrict"], (actor, user) => {
  return actor !== null && actor.role === "admin" && actor.id !== user._id.toString();
});

/** Roles are the admins' to give (the admin screens offer the role picker to them alone). */
const assignsRoles = (actor: Actor | null): actor is Actor => actor !== null && actor.role === "admin";
allow<null>("User", ["assignRoles"], (actor) => assignsRoles(actor));

allow<UserSubject>("User", ["changeRole"], (actor, user) => {
  return assignsRoles(actor) && actor.id !== user._id.toString() && !isErased(user);
});

/** An account someone asks to erase (their own, or by an admin on request), with how many active admins there are. */
export interface ErasableAccountSubject {
  role: Role;
  activeAdmins: number;
}
/** The forum must keep someone who can run it: the last active admin's account is not erased. */
allow<ErasableAccountSubject>("Account", ["erase"], (actor, account) => {
  if (!actor) return false;
  return account.role !== "admin" || account.activeAdmins > 1;
});
