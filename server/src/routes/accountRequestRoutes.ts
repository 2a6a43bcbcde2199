import { Router } from "express";
import { accountRequestRejectSchema, accountRequestSchema } from "@forum/shared";
import { accountRequestApprover } from "../commands/accountRequestApprover.js";
import { accountRequestRejecter } from "../commands/accountRequestRejecter.js";
import { accountRequester } from "../commands/accountRequester.js";
import { unauthorized } from "../errors/AppError.js";
import { countAttempt } from "../http/rateLimits.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { User, type UserDocument } from "../models/User.js";
import { authorize } from "../policies/index.js";
import { presentAdminUser, presentAdminUsers } from "../presenters/adminUserPresenter.js";

/** The one answer to every account request, whether or not the address already has an account. */
export const ACCOUNT_REQUEST_RECEIVED = "Dziękujemy. Prośba trafiła do moderatorów; odpowiedź wyślemy e-mailem.";

export function accountRequestRoutes(): Router {
  const router = Router();

  router.post("/account-requests", async (req, res) => {
    const input = parseInput(accountRequestSchema, req.body);
    await countAttempt("accountRequest", req.ip ?? "unknown", input.email);
    await accountRequester({ input, context: req.context });
    res.status(202).json({ message: ACCOUNT_REQUEST_RECEIVED });
  });

  router.get("/account-requests", async (req, res) => {
    authorize(req.actor, "approveRequest", "User", null);
    const pending = await User.find({ status: "pending" }).sort({ createdAt: 1, _id: 1 }).limit(500).lean();
    res.json({ requests: await presentAdminUsers(pending as UserDocument[]) });
  });

  router.post("/account-requests/:id/approve", async (req, res) => {
    authorize(req.actor, "approveRequest", "User", null);
    if (!req.user) throw unauthorized();
    const user = await accountRequestApprover({
      userId: parseObjectId(req.params.id),
      actorId: req.user._id,
      context: req.context,
    });
    const [view] = await presentAdminUsers([user]);
    res.json({ user: view ?? presentAdminUser(user, null, []) });
  });

  router.post("/account-requests/:id/reject", async (req, res) => {
    authorize(req.actor, "approveRequest", "User", null);
    if (!req.user) throw unauthorized();
    const { message } = parseInput(accountRequestRejectSchema, req.body);
    const user = await accountRequestRejecter({
      userId: parseObjectId(req.params.id),
      message,
      actorId: req.user._id,
      context: req.context,
    });
    const [view] = await presentAdminUsers([user]);
    res.json({ user: view ?? presentAdminUser(user, null, []) });
  });

  return router;
}
