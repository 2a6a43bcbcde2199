import type { InvitationView } from "@forum/shared";
import { Group } from "../models/Group.js";
import { invitationStatus, type InvitationDocument } from "../models/Invitation.js";
import { User } from "../models/User.js";
import { anyOf } from "../db/anyOf.js";

/** Invitations as the group's moderators see them; never the token or its hash. */
export async function presentInvitations(invitations: InvitationDocument[]): Promise<InvitationView[]> {
  const groupIds = [...new Set(invitations.map((invitation) => invitation.groupId.toString()))];
  const inviterIds = [...new Set(invitations.map((invitation) => invitation.invitedById.toString()))];
  const [groups, inviters] = await Promise.all([
    groupIds.length ? Group.find({ _id: anyOf(groupIds) }, { slug: 1, name: 1 }).lean() : [],
    inviterIds.length ? User.find({ _id: anyOf(inviterIds) }, { name: 1 }).lean() : [],
  ]);
  const groupById = new Map(groups.map((group) => [group._id.toString(), group]));
  const inviterById = new Map(inviters.map((user) => [user._id.toString(), user]));
  const now = new Date();
  return invitations.map((invitation) => {
    const group = groupById.get(invitation.groupId.toString());
    const inviter = inviterById.get(invitation.invitedById.toString());
    return {
      id: invitation._id.toString(),
      email: invitation.email,
      group: { slug: group?.slug ?? "", name: group?.name ?? "" },
      role: invitation.role,
      status: invitationStatus(invitation, now),
      expiresAt: invitation.expiresAt.toISOString(),
      createdAt: invitation.createdAt.toISOString(),
      invitedBy: { id: invitation.invitedById.toString(), name: inviter?.name ?? "" },
    };
  });
}

export const presentInvitation = async (invitation: InvitationDocument): Promise<InvitationView> => {
  const [view] = await presentInvitations([invitation]);
  if (!view) throw new Error("presentInvitations returned nothing");
  return view;
};
