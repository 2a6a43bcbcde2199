import { Router } from "express";
import { endpoints } from "@forum/shared";
import { accountRequestApprover } from "../commands/accountRequestApprover.js";
import { accountRequestRejecter } from "../commands/accountRequestRejecter.js";
import { accountRequester } from "../commands/accountRequester.js";
import { route } from "../http/declareRoute.js";
import { countAttempt } from "../http/rateLimits.js";
import { User, type UserDocument } from "../models/User.js";
import { authorize } from "../policies/index.js";
import { presentAdminUser, presentAdminUsers } from "../presenters/adminUserPresenter.js";

/** The one answer to every account request, whether or not the address already has an account. */
export const ACCOUNT_REQUEST_RECEIVED = "Dziękujemy. Prośba trafiła do moderatorów; odpowiedź wyślemy e-mailem.";

async function presentDecided(user: UserDocument) {
  const [view] = await presentAdminUsers([user]);
  return { user: view ?? presentAdminUser(user, null, []) };
}

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
    return { requests: await presentAdminUsers(pending as UserDocument[]) };
  });

  route(router, endpoints.registration.approveAccountRequest, async ({ actor, user, params, context }) => {
    authorize(actor, "approveRequest", "User", null);
    return presentDecided(await accountRequestApprover({ userId: params.id, actorId: user._id, context }));
  });

  route(router, endpoints.registration.rejectAccountRequest, async ({ actor, user, params, body, context }) => {
    authorize(actor, "approveRequest", "User", null);
    const { message } = body();
    return presentDecided(await accountRequestRejecter({ userId: params.id, message, actorId: user._id, context }));
  });

  return router;
}
