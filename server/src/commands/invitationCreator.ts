import type mongoose from "mongoose";
import type { GroupRole } from "@forum/shared";
import { conflict } from "../errors/AppError.js";
import type { GroupDocument } from "../models/Group.js";
import { Invitation, type InvitationDocument } from "../models/Invitation.js";
import { User, type UserDocument } from "../models/User.js";
import { newSecretToken } from "../infra/secretTokens.js";
import { groupMemberAdder } from "./groupMemberAdder.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface InvitationCreatorProps {
  /** The group the person is invited to (already authorized). */
  group: Pick<GroupDocument, "_id" | "slug" | "name">;
  /** The invited address, already lower-cased by the shared schema. */
  email: string;
  /** Their role in the group once they join. */
  role: GroupRole;
  /** Who invites; their name goes into the e-mail. */
  inviter: Pick<UserDocument, "_id" | "name">;
  /** How long the link stays valid (INVITATION_TTL_HOURS). */
  validHours: number;
  /** From a participant list: prefills the acceptance form (name, JST, position). */
  prefill?: { name: string; jstId: mongoose.Types.ObjectId | null; position: string } | null;
  context?: RequestContext;
}

export type InvitationCreatorResult =
  { kind: "invited"; invitation: InvitationDocument } | { kind: "added"; user: UserDocument };

/**
 * Invites an e-mail to a group. Someone who already has an active account is added to the group
 * at once and told by e-mail; an address with a pending or suspended account cannot be invited.
 * A new invitation replaces (revokes) earlier open ones for the same address and group.
 */
export async function invitationCreator(props: InvitationCreatorProps): Promise<InvitationCreatorResult> {
  const existing = await User.findOne({ email: props.email }).lean();
  if (existing) {
    if (existing.status !== "active")
      throw conflict(
        "Konto z tym adresem czeka na decyzję moderatora albo jest zawieszone. Sprawdź je na liście kont.",
      );
    const { added } = await groupMemberAdder({
      groupId: props.group._id,
      userId: existing._id,
      role: props.role,
      actorId: props.inviter._id,
      context: props.context,
    });
    if (!added) throw conflict("Ta osoba już należy do grupy.");
    return { kind: "added", user: existing };
  }

  const now = new Date();
  const replaced = await Invitation.updateMany(
    { email: props.email, groupId: props.group._id, acceptedAt: null, revokedAt: null },
    { $set: { revokedAt: now } },
  );
  const { token, tokenHash } = newSecretToken();
  const created = await Invitation.create({
    email: props.email,
    groupId: props.group._id,
    role: props.role,
    tokenHash,
    expiresAt: new Date(now.getTime() + props.validHours * 3_600_000),
    invitedById: props.inviter._id,
    prefill: props.prefill ?? null,
  });
  const invitation = created.toObject() as InvitationDocument;
  await recordEvent({
    name: "invitations.create",
    actorId: props.inviter._id,
    subjectType: "Invitation",
    subjectId: invitation._id,
    groupId: props.group._id,
    data: {
      after: { email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt.toISOString() },
      revokedEarlier: replaced.modifiedCount,
    },
    // The link's token goes to the e-mail only (subscribers/transactionalMail.ts), never into the stored event.
    transient: { token, validHours: props.validHours },
    context: props.context,
  });
  return { kind: "invited", invitation };
}
