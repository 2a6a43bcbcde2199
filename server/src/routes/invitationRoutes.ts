import { Router } from "express";
import { endpoints } from "@forum/shared";
import { invitationAccepter, invitationInvalid } from "../commands/invitationAccepter.js";
import { findUsableInvitation } from "../queries/usableInvitation.js";
import { invitationCreator } from "../commands/invitationCreator.js";
import { invitationResender } from "../commands/invitationResender.js";
import type { Config } from "../config.js";
import { notFound } from "../errors/AppError.js";
import { route, withStatus } from "../http/declareRoute.js";
import { countAttempt } from "../http/rateLimits.js";
import { Group } from "../models/Group.js";
import { Invitation, type InvitationDocument } from "../models/Invitation.js";
import { authorize, type Actor } from "../policies/index.js";
import { presentInvitation, presentInvitations } from "../presenters/invitationPresenter.js";
import { presentSignedIn, signIn } from "./authRoutes.js";
import { jstById } from "../queries/jstCatalogue.js";
import { presentJst } from "../presenters/jstPresenter.js";

/** A link token is base64url of 32 bytes; anything else cannot name an invitation. */
const tokenParam = (value: unknown): string => {
  if (typeof value !== "string" || !/^[\w-]{20,200}$/.test(value)) throw invitationInvalid();
  return value;
};

export function invitationRoutes(config: Pick<Config, "INVITATION_TTL_HOURS">): Router {
  const router = Router();

  async function groupToInviteTo(slug: string, actor: Actor) {
    const group = await Group.findOne({ slug }).lean();
    if (!group) throw notFound();
    authorize(actor, "invite", "Group", group);
    return group;
  }

  route(router, endpoints.registration.invite, async ({ actor, user: inviter, params, body, context }) => {
    const group = await groupToInviteTo(params.slug, actor);
    const input = body();
    await countAttempt("invitation", context.ip ?? "unknown", inviter._id.toString());
    const result = await invitationCreator({
      group,
      email: input.email,
      role: input.role,
      inviter,
      validHours: config.INVITATION_TTL_HOURS,
      context,
    });
    if (result.kind === "added") {
      return withStatus(200, {
        invitation: null,
        addedMember: { id: result.user._id.toString(), name: result.user.name, email: result.user.email },
      });
    }
    return { invitation: await presentInvitation(result.invitation) };
  });

  route(router, endpoints.registration.invitations, async ({ actor, params }) => {
    const group = await groupToInviteTo(params.slug, actor);
    const invitations = await Invitation.find({ groupId: group._id }).sort({ createdAt: -1 }).limit(200).lean();
    return { invitations: await presentInvitations(invitations as InvitationDocument[]) };
  });

  route(router, endpoints.registration.resendInvitation, async ({ actor, user, params, context }) => {
    const invitation = (await Invitation.findById(params.id).lean()) as InvitationDocument | null;
    const group = invitation ? await Group.findById(invitation.groupId).lean() : null;
    if (!invitation || !group) throw notFound();
    authorize(actor, "invite", "Group", group);
    await countAttempt("invitation", context.ip ?? "unknown", user._id.toString());
    const resent = await invitationResender({
      invitation,
      group,
      actor: user,
      validHours: config.INVITATION_TTL_HOURS,
      context,
    });
    return { invitation: await presentInvitation(resent) };
  });

  route(router, endpoints.registration.invitation, async ({ params }) => {
    const invitation = await findUsableInvitation(tokenParam(params.token));
    const group = invitation ? await Group.findById(invitation.groupId, { name: 1 }).lean() : null;
    if (!invitation || !group) throw invitationInvalid();
    const prefill = invitation.prefill;
    const jst = prefill?.jstId ? await jstById(prefill.jstId) : null;
    return {
      email: invitation.email,
      group: { name: group.name },
      expiresAt: invitation.expiresAt.toISOString(),
      // Only an invitation from a participant list carries what the list said.
      ...(prefill
        ? { prefill: { name: prefill.name, jst: jst ? presentJst(jst) : null, position: prefill.position } }
        : {}),
    };
  });

  route(router, endpoints.registration.acceptInvitation, async ({ params, body, context }, req) => {
    const token = tokenParam(params.token);
    const input = body();
    const { user } = await invitationAccepter({ token, input, context });
    await signIn(req, user);
    return { user: await presentSignedIn(user) };
  });

  return router;
}
