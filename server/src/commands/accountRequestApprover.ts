import type mongoose from "mongoose";
import { conflict, notFound } from "../errors/AppError.js";
import { User, type UserDocument } from "../models/User.js";
import { groupMemberAdder } from "./groupMemberAdder.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface AccountRequestApproverProps {
  /** The pending user whose request is approved. */
  userId: mongoose.Types.ObjectId;
  /** The groups the person joins in the same step (already checked by the caller); none is allowed. */
  groupIds?: mongoose.Types.ObjectId[];
  /** The moderator or admin deciding. */
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** A pending account becomes active and joins the chosen groups (its owner is told by e-mail: subscribers/transactionalMail.ts); decided once. */
export async function accountRequestApprover(props: AccountRequestApproverProps): Promise<UserDocument> {
  const updated = await User.findOneAndUpdate(
    { _id: props.userId, status: "pending" },
    { $set: { status: "active" } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw (await User.exists({ _id: props.userId })) ? alreadyDecided() : notFound();
  const user = updated as UserDocument;
  await recordEvent({
    name: "users.approveRequest",
    actorId: props.actorId,
    subjectType: "User",
    subjectId: user._id,
    data: { before: { status: "pending" }, after: { status: "active" } },
    context: props.context,
  });
  for (const groupId of props.groupIds ?? [])
    await groupMemberAdder({
      groupId,
      userId: user._id,
      role: "member",
      actorId: props.actorId,
      context: props.context,
    });
  return user;
}

export const alreadyDecided = () => conflict("Ta prośba o konto została już rozpatrzona.");
