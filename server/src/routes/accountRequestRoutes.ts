import { Router } from "express";
import type mongoose from "mongoose";
import { endpoints } from "@forum/shared";
import { accountRequestApprover } from "../commands/accountRequestApprover.js";
import { accountRequestRejecter } from "../commands/accountRequestRejecter.js";
import { accountRequester } from "../commands/accountRequester.js";
import { route } from "../http/declareRoute.js";
import { countAttempt } from "../http/rateLimits.js";
import { User, type UserDocument } from "../models/User.js";
import { authorize, can } from "../policies/index.js";
import { anyOf } from "../db/anyOf.js";
import { badRequest } from "../errors/AppError.js";
import { Group } from "../models/Group.js";
import { presentAdminUser, presentAdminUsers } from "../presenters/adminUserPresenter.js";

/** The one answer to every account request, whether or not the address already has an account. */
export const ACCOUNT_REQUEST_RECEIVED = "Dziękujemy. Prośba trafiła do moderatorów; odpowiedź wyślemy e-mailem.";

async function presentDecided(user: UserDocument) {
  const [view] = await presentAdminUsers([user]);
  return { user: view ?? presentAdminUser(user, null, []) };
}

/** More groups than the programme ever has; a bound. */
const GROUPS_MAX = 1_000;

export function accountRequestRoutes(): Router {
  const router = Router();

  route(router, endpoints.registration.requestAccount, async ({ body, context }) => {
    const input = body();
    await countAttempt("accountRequest", context.ip ?? "unknown", input.email);
    await accountRequester({ input, context });
    return { message: ACCOUNT_REQUEST_RECEIVED };
  });

  route(router, endpoints.registration.accountRequests, async ({ actor }) => {
    authorize(actor, "approveRequest", "User", null);
    const pending = await User.find({ status: "pending" }).sort({ createdAt: 1, _id: 1 }).limit(500).lean();
    const groups = await Group.find({ archivedAt: null }, { slug: 1, name: 1, cohort: 1, jstIds: 1 })
      .sort({ name: 1 })
      .limit(GROUPS_MAX)
      .lean();
    // Groups that already hold the person's JST are suggested first: GWDs are made of JSTs.
    const suggested = Object.fromEntries(
      pending.map((person) => [
        person._id.toString(),
        groups
          .filter(
            (group) => person.jstId && group.jstIds.some((id) => id.equals(person.jstId as mongoose.Types.ObjectId)),
          )
          .map((group) => group.slug),
      ]),
    );
    return {
      requests: await presentAdminUsers(pending as UserDocument[]),
      groups: groups.map((group) => ({ slug: group.slug, name: group.name, cohort: group.cohort })),
      suggested,
    };
  });

  route(router, endpoints.registration.approveAccountRequest, async ({ actor, user, params, body, context }) => {
    authorize(actor, "approveRequest", "User", null);
    const { groups: slugs } = body();
    const groups = slugs.length ? await Group.find({ slug: anyOf(slugs) }, { slug: 1 }).lean() : [];
    const unusable = slugs.filter((slug) => {
      const group = groups.find((candidate) => candidate.slug === slug);
      return !group || !can(actor, "manageMembers", "Group", group);
    });
    if (unusable.length > 0) {
      const message = `Nie można dodać do grupy: ${unusable.join(", ")}.`;
      throw badRequest(message, { groups: message });
    }
    return presentDecided(
      await accountRequestApprover({
        userId: params.id,
        groupIds: groups.map((group) => group._id),
        actorId: user._id,
        context,
      }),
    );
  });

  route(router, endpoints.registration.rejectAccountRequest, async ({ actor, user, params, body, context }) => {
    authorize(actor, "approveRequest", "User", null);
    const { message } = body();
    return presentDecided(await accountRequestRejecter({ userId: params.id, message, actorId: user._id, context }));
  });

  return router;
}
