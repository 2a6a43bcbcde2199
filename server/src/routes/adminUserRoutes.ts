import { Router } from "express";
import mongoose from "mongoose";
import { endpoints, type AdminUserView } from "@forum/shared";
import { userRoleChanger } from "../commands/userRoleChanger.js";
import { userSuspender } from "../commands/userSuspender.js";
import { userUnsuspender } from "../commands/userUnsuspender.js";
import { notFound } from "../errors/AppError.js";
import { route } from "../http/declareRoute.js";
import { parseObjectId } from "../http/validation.js";
import { Group } from "../models/Group.js";
import { Membership } from "../models/Membership.js";
import { User, type UserDocument } from "../models/User.js";
import { authorize, type Actor } from "../policies/index.js";
import { presentAdminUser, presentAdminUsers } from "../presenters/adminUserPresenter.js";

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The account in the path, once the actor may do `action` to it. People who may not manage people
 * do not learn whether the account exists (404 before the lookup).
 */
export async function targetUser(actor: Actor, id: mongoose.Types.ObjectId, action: string): Promise<UserDocument> {
  authorize(actor, "list", "User", null);
  const user = await User.findById(id).lean();
  if (!user) throw notFound("Nie ma takiego użytkownika.");
  authorize(actor, action, "User", user);
  return user;
}

/** One account as the admin screens show it. */
export async function presentAccount(user: UserDocument): Promise<{ user: AdminUserView }> {
  const [view] = await presentAdminUsers([user]);
  return { user: view ?? presentAdminUser(user, null, []) };
}

/** Moderators' and admins' screens for people: list and filter, role, suspension. */
export function adminUserRoutes(): Router {
  const router = Router();

  route(router, endpoints.admin.users, async ({ actor, query: parseQuery }) => {
    authorize(actor, "list", "User", null);
    const query = parseQuery();
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
    // The total counts every page's rows: the same filter without the cursor.
    const totalFilter = { ...filter };
    if (Object.keys(idConditions).length > 0) totalFilter._id = mongoose.trusted({ ...idConditions });
    if (query.cursor) {
      idConditions.$lt = parseObjectId(query.cursor);
    }
    // Operators built here from validated values; sanitizeFilter guards request values elsewhere.
    if (Object.keys(idConditions).length > 0) filter._id = mongoose.trusted(idConditions);
    // Newest first by _id (the primary index), at most `limit` + 1 read to know whether a page follows.
    const [users, total] = await Promise.all([
      User.find(filter)
        .sort({ _id: -1 })
        .limit(query.limit + 1)
        .lean(),
      User.countDocuments(totalFilter),
    ]);
    const page = users.slice(0, query.limit);
    return {
      users: await presentAdminUsers(page),
      nextCursor: users.length > query.limit ? (page.at(-1)?._id.toString() ?? null) : null,
      total,
    };
  });

  route(router, endpoints.admin.changeRole, async ({ actor, user: signedIn, params, body, context }) => {
    const user = await targetUser(actor, params.id, "changeRole");
    const { role } = body();
    return presentAccount(await userRoleChanger({ user, role, actorId: signedIn._id, context }));
  });

  route(router, endpoints.admin.suspend, async ({ actor, user: signedIn, params, body, context }) => {
    const user = await targetUser(actor, params.id, "suspend");
    const input = body();
    const updated = await userSuspender({
      user,
      reason: input.reason,
      until: input.until ? new Date(input.until) : null,
      actorId: signedIn._id,
      context,
    });
    return presentAccount(updated);
  });

  route(router, endpoints.admin.unsuspend, async ({ actor, user: signedIn, params, context }) => {
    const user = await targetUser(actor, params.id, "suspend");
    return presentAccount(await userUnsuspender({ user, actorId: signedIn._id, context }));
  });

  return router;
}
