import { Router, type Request } from "express";
import mongoose from "mongoose";
import { adminUserQuerySchema, userRoleChangeSchema, userSuspendSchema } from "@forum/shared";
import { userRoleChanger } from "../commands/userRoleChanger.js";
import { userSuspender } from "../commands/userSuspender.js";
import { userUnsuspender } from "../commands/userUnsuspender.js";
import { notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { Group } from "../models/Group.js";
import { Membership } from "../models/Membership.js";
import { User, type UserDocument } from "../models/User.js";
import { authorize } from "../policies/index.js";
import { presentAdminUsers } from "../presenters/adminUserPresenter.js";

const PAGE_SIZE = 50;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function targetUser(req: Request, action: string): Promise<UserDocument> {
  if (!req.actor || !req.user) throw unauthorized();
  authorize(req.actor, "list", "User", null);
  const user = await User.findById(parseObjectId(req.params.id)).lean();
  if (!user) throw notFound("Nie ma takiego użytkownika.");
  authorize(req.actor, action, "User", user);
  return user;
}

/** Moderators' and admins' screens for people: list and filter, role, suspension. */
export function adminUserRoutes(): Router {
  const router = Router();

  router.get("/admin/users", async (req, res) => {
    if (!req.actor) throw unauthorized();
    authorize(req.actor, "list", "User", null);
    const query = parseInput(adminUserQuerySchema, req.query);
    const filter: Record<string, unknown> = {};
    const idConditions: Record<string, unknown> = {};
    if (query.role) filter.role = query.role;
    if (query.status) filter.status = query.status;
    if (query.q) {
      const pattern = new RegExp(escapeRegex(query.q), "i");
      filter.$or = [{ name: pattern }, { email: pattern }];
    }
    if (query.group) {
      const group = await Group.findOne({ slug: query.group }, { _id: 1 }).lean();
      const members = group ? await Membership.find({ groupId: group._id }, { userId: 1 }).lean() : [];
      idConditions.$in = members.map((member) => member.userId);
    }
    if (query.cursor) {
      idConditions.$lt = parseObjectId(query.cursor);
    }
    // Operators built here from validated values; sanitizeFilter guards request values elsewhere.
    if (Object.keys(idConditions).length > 0) filter._id = mongoose.trusted(idConditions);
    const users = await User.find(filter)
      .sort({ _id: -1 })
      .limit(PAGE_SIZE + 1)
      .lean();
    const page = users.slice(0, PAGE_SIZE);
    res.json({
      users: await presentAdminUsers(page),
      nextCursor: users.length > PAGE_SIZE ? (page.at(-1)?._id.toString() ?? null) : null,
    });
  });

  router.patch("/admin/users/:id/role", async (req, res) => {
    const user = await targetUser(req, "changeRole");
    const { role } = parseInput(userRoleChangeSchema, req.body);
    const updated = await userRoleChanger({ user, role, actorId: req.user!._id, context: req.context });
    res.json({ user: (await presentAdminUsers([updated]))[0] });
  });

  router.post("/admin/users/:id/suspend", async (req, res) => {
    const user = await targetUser(req, "suspend");
    const input = parseInput(userSuspendSchema, req.body);
    const updated = await userSuspender({
      user,
      reason: input.reason,
      until: input.until ? new Date(input.until) : null,
      actorId: req.user!._id,
      context: req.context,
    });
    res.json({ user: (await presentAdminUsers([updated]))[0] });
  });

  router.post("/admin/users/:id/unsuspend", async (req, res) => {
    const user = await targetUser(req, "suspend");
    const updated = await userUnsuspender({ user, actorId: req.user!._id, context: req.context });
    res.json({ user: (await presentAdminUsers([updated]))[0] });
  });

  return router;
}
