import type mongoose from "mongoose";
import { greaterThan } from "../db/comparisons.js";
import { Group } from "../models/Group.js";
import { Invitation } from "../models/Invitation.js";
import { Membership } from "../models/Membership.js";
import type { OnboardingRowDocument } from "../models/OnboardingRow.js";
import { OnboardingRow } from "../models/OnboardingRow.js";
import { User } from "../models/User.js";
import { groupMemberAdder } from "./groupMemberAdder.js";
import { invitationCreator } from "./invitationCreator.js";

export interface OnboardingRowSenderProps {
  /** A row this process claimed (sendState "sending", with the claim's time). */
  row: OnboardingRowDocument;
  /** Who asked to send the list: the inviter named in the e-mail. */
  inviter: { _id: mongoose.Types.ObjectId; name: string };
  validHours: number;
}

type Outcome =
  | { state: "invited" | "added" | "skipped"; invitationId?: mongoose.Types.ObjectId }
  | { state: "failed"; error: string };

/**
 * Sends one claimed row: invites a new person (the invitation carries the name, JST and position
 * from the list, to prefill the acceptance form) or adds an existing active account to the group.
 * Idempotent, so a row retried after a crash or uploaded again sends nobody a second invitation: it
 * is skipped when the person is already in the group or an open invitation for that address and
 * group exists. The row is finished only while this claim still holds it.
 */
export async function onboardingRowSender(props: OnboardingRowSenderProps): Promise<Outcome> {
  const { row } = props;
  const outcome = await send(props).catch((error: unknown): Outcome => ({
    state: "failed",
    error: error instanceof Error ? error.message : "Nie udało się wysłać zaproszenia.",
  }));
  await OnboardingRow.updateOne(
    { _id: row._id, sendState: "sending", claimedAt: row.claimedAt },
    {
      $set:
        outcome.state === "failed"
          ? { sendState: "failed", sendError: outcome.error }
          : { sendState: outcome.state, sendError: null, invitationId: outcome.invitationId ?? null },
    },
  );
  return outcome;
}

async function send({ row, inviter, validHours }: OnboardingRowSenderProps): Promise<Outcome> {
  const group = row.groupId ? await Group.findById(row.groupId, { slug: 1, name: 1, archivedAt: 1 }).lean() : null;
  if (!group) return { state: "failed", error: "Grupy z tego wiersza już nie ma." };
  if (group.archivedAt) return { state: "failed", error: "Grupa jest w archiwum i nie przyjmuje nowych osób." };
  const account = await User.findOne({ email: row.email }, { status: 1, name: 1 }).lean();
  if (account) {
    if (await Membership.exists({ groupId: group._id, userId: account._id })) return { state: "skipped" };
    if (account.status !== "active")
      return { state: "failed", error: "Konto z tym adresem czeka na decyzję moderatora albo jest zawieszone." };
    const { added } = await groupMemberAdder({
      groupId: group._id,
      userId: account._id,
      role: "member",
      actorId: inviter._id,
    });
    return { state: added ? "added" : "skipped" };
  }
  const open = await Invitation.exists({
    email: row.email,
    groupId: group._id,
    acceptedAt: null,
    revokedAt: null,
    expiresAt: greaterThan(new Date()),
  });
  if (open) return { state: "skipped" };
  const result = await invitationCreator({
    group,
    email: row.email,
    role: "member",
    inviter,
    validHours,
    prefill: { name: row.name, jstId: row.jstId ?? null, position: row.cells.position ?? "" },
  });
  return result.kind === "invited" ? { state: "invited", invitationId: result.invitation._id } : { state: "added" };
}
