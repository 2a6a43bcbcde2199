import type mongoose from "mongoose";
import { notFound } from "../errors/AppError.js";
import { User, type UserDocument } from "../models/User.js";
import { alreadyDecided } from "./accountRequestApprover.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface AccountRequestRejecterProps {
  /** The pending user whose request is turned down. */
  userId: mongoose.Types.ObjectId;
  /** The moderator's explanation, sent to the person as written. */
  message: string;
  /** The moderator or admin deciding. */
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/** A pending request is turned down; the person gets the moderator's message by e-mail. */
export async function accountRequestRejecter(props: AccountRequestRejecterProps): Promise<UserDocument> {
  const updated = await User.findOneAndUpdate(
    { _id: props.userId, status: "pending" },
    { $set: { status: "rejected" } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw (await User.exists({ _id: props.userId })) ? alreadyDecided() : notFound();
  const user = updated as UserDocument;
  await recordEvent({
    name: "users.rejectRequest",
    actorId: props.actorId,
    subjectType: "User",
    subjectId: user._id,
    data: { before: { status: "pending" }, after: { status: "rejected" }, message: props.message },
    context: props.context,
  });
  return user;
}
