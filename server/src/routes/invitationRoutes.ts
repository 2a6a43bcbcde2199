import { Router } from "express";
import { invitationAcceptSchema, invitationCreateSchema } from "@forum/shared";
import { invitationAccepter, invitationInvalid } from "../commands/invitationAccepter.js";
import { findUsableInvitation } from "../queries/usableInvitation.js";
import { invitationCreator } from "../commands/invitationCreator.js";
import { invitationResender } from "../commands/invitationResender.js";
import type { Config } from "../config.js";
import { notFound, unauthorized } from "../errors/AppError.js";
import { countAttempt } from "../http/rateLimits.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { Group } from "../models/Group.js";
import { Invitation, type InvitationDocument } from "../models/Invitation.js";
import { authorize } from "../policies/index.js";
import { presentInvitation, presentInvitations } from "../presenters/invitationPresenter.js";
import { presentSignedIn, signIn } from "./authRoutes.js";

/** A link token is base64url of 32 bytes; anything else cannot name an invitation. */
const tokenParam = (value: unknown): string => {
  if (typeof value !== "string" || !/^[\w-]{20,200}$/.test(value)) throw invitationInvalid();
  return value;
};

export function invitationRoutes(config: Pick<Config, "INVITATION_TTL_HOURS">): Router {
  const router = Router();

  async function groupToInviteTo(slug: unknown, actor: Express.Request["actor"]) {
    const group = await Group.findOne({ slug: String(slug) }).lean();
    if (!group) throw actor ? notFound() : unauthorized();
    authorize(actor, "invite", "Group", group);
    return group;
  }

  router.post("/groups/:slug/invitations", async (req, res) => {
    const group = await groupToInviteTo(req.params.slug, req.actor);
    const input = parseInput(invitationCreateSchema, req.body);
    const inviter = req.user;
    if (!inviter) throw unauthorized();
    await countAttempt("invitation", req.ip ?? "unknown", inviter._id.toString());
    const result = await invitationCreator({
      group,
      email: input.email,
      role: input.role,
      inviter,
      validHours: config.INVITATION_TTL_HOURS,
      context: req.context,
    });
    if (result.kind === "added") {
      res.status(200).json({
        invitation: null,
        addedMember: { id: result.user._id.toString(), name: result.user.name, email: result.user.email },
      });
      return;
    }
    res.status(201).json({ invitation: await presentInvitation(result.invitation) });
  });

  router.get("/groups/:slug/invitations", async (req, res) => {
    const group = await groupToInviteTo(req.params.slug, req.actor);
    const invitations = await Invitation.find({ groupId: group._id }).sort({ createdAt: -1 }).limit(200).lean();
    res.json({ invitations: await presentInvitations(invitations as InvitationDocument[]) });
  });

  router.post("/invitations/:id/resend", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const invitation = (await Invitation.findById(parseObjectId(req.params.id)).lean()) as InvitationDocument | null;
    const group = invitation ? await Group.findById(invitation.groupId).lean() : null;
    if (!invitation || !group) throw notFound();
    authorize(req.actor, "invite", "Group", group);
    await countAttempt("invitation", req.ip ?? "unknown", req.user._id.toString());
    const resent = await invitationResender({
      invitation,
      group,
      actor: req.user,
      validHours: config.INVITATION_TTL_HOURS,
      context: req.context,
    });
    res.json({ invitation: await presentInvitation(resent) });
  });

  router.get("/invitations/by-token/:token", async (req, res) => {
    const invitation = await findUsableInvitation(tokenParam(req.params.token));
    const group = invitation ? await Group.findById(invitation.groupId, { name: 1 }).lean() : null;
    if (!invitation || !group) throw invitationInvalid();
    res.json({ email: invitation.email, group: { name: group.name }, expiresAt: invitation.expiresAt.toISOString() });
  });

  router.post("/invitations/by-token/:token/accept", async (req, res) => {
    const token = tokenParam(req.params.token);
    const input = parseInput(invitationAcceptSchema, req.body);
    const { user } = await invitationAccepter({ token, input, context: req.context });
    await signIn(req, user);
    res.status(201).json({ user: await presentSignedIn(user) });
  });

  return router;
}
