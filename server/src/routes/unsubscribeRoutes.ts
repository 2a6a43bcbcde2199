import { Router } from "express";
import { endpoints, type UnsubscribeView } from "@forum/shared";
import { consentsUpdater } from "../commands/consentsUpdater.js";
import { notFound } from "../errors/AppError.js";
import { route } from "../http/declareRoute.js";
import type { UserDocument } from "../models/User.js";
import { verifyUnsubscribeToken } from "../infra/unsubscribeTokens.js";

const isOff = (user: UserDocument, kind: UnsubscribeView["kind"]) =>
  kind === "digest" ? (user.consents?.digest ?? "off") === "off" : !user.consents?.mentionEmails;

const invalidLink = () => notFound("Ten link do wypisania się jest nieprawidłowy.");

/**
 * One-click unsubscribe from notification e-mails without signing in. The signed token is the
 * only credential, so these routes sit before the session's CSRF and Origin checks: mail
 * programs POST here from elsewhere (RFC 8058 List-Unsubscribe-Post).
 */
export function unsubscribeRoutes(): Router {
  const router = Router();

  route(router, endpoints.account.unsubscribePage, async ({ params }) => {
    const verified = await verifyUnsubscribeToken(params.token);
    if (!verified) throw invalidLink();
    const body: UnsubscribeView = { kind: verified.kind, alreadyOff: isOff(verified.user, verified.kind) };
    return body;
  });

  route(router, endpoints.account.unsubscribe, async ({ params, context }) => {
    const verified = await verifyUnsubscribeToken(params.token);
    if (!verified) throw invalidLink();
    const { user, kind } = verified;
    if (!isOff(user, kind)) {
      const consents = {
        digest: user.consents?.digest ?? "off",
        mentionEmails: user.consents?.mentionEmails ?? false,
        directoryListing: user.consents?.directoryListing ?? false,
        newsletter: user.consents?.newsletter ?? false,
      };
      await consentsUpdater({
        user,
        consents: kind === "digest" ? { ...consents, digest: "off" } : { ...consents, mentionEmails: false },
        context,
        channel: "unsubscribeLink",
      });
    }
    const body: UnsubscribeView = { kind, alreadyOff: true };
    return body;
  });

  return router;
}
