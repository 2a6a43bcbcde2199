import type mongoose from "mongoose";
import { conflict } from "../errors/AppError.js";
import { User, type UserDocument } from "../models/User.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface UserRestrictorProps {
  /** The person (already authorized). */
  user: UserDocument;
  /** null lifts the restriction. */
  reason: string | null;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

/**
 * Restricts (RODO art. 18) or, on an objection (art. 21), stops processing of an account, or lifts it. While
 * restricted the person gets no mail and no notifications, is in no directory or people search, and cannot change
 * the profile or post; they still sign in, read and export their data (see domain/processingRestriction.ts).
 */
export async function userRestrictor(props: UserRestrictorProps): Promise<UserDocument> {
  const restricting = props.reason !== null;
  const restriction = restricting
    ? { reason: props.reason, since: new Date(), byId: props.actorId }
    : { reason: null, since: null, byId: null };
  const updated = await User.findOneAndUpdate(
    { _id: props.user._id, "restriction.since": restricting ? null : props.user.restriction?.since },
    { $set: { restriction } },
    { returnDocument: "after" },
  ).lean();
  if (!updated || (!restricting && !props.user.restriction?.since)) {
    throw conflict(
      restricting
        ? "Przetwarzanie danych tego konta jest już ograniczone."
        : "Przetwarzanie danych tego konta nie jest ograniczone.",
    );
  }
  await recordEvent({
    name: restricting ? "users.restrict" : "users.unrestrict",
    actorId: props.actorId,
    subjectType: "User",
    subjectId: props.user._id,
    data: {
      before: { restriction: props.user.restriction?.since ? { reason: props.user.restriction.reason } : null },
      after: { restriction: restricting ? { reason: props.reason } : null },
    },
    context: props.context,
  });
  return updated;
}
