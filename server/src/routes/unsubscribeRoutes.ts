import { Router } from "express";
import type { UnsubscribeView } from "@forum/shared";
import { consentsUpdater } from "../commands/consentsUpdater.js";
import { notFound } from "../errors/AppError.js";
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

  router.get("/unsubscribe/:token", async (req, res) => {
    const verified = await verifyUnsubscribeToken(String(req.params.token));
    if (!verified) throw invalidLink();
    const body: UnsubscribeView = { kind: verified.kind, alreadyOff: isOff(verified.user, verified.kind) };
    res.json(body);
  });

  router.post("/unsubscribe/:token", async (req, res) => {
    const verified = await verifyUnsubscribeToken(String(req.params.token));
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
        context: req.context,
        channel: "unsubscribeLink",
      });
    }
    const body: UnsubscribeView = { kind, alreadyOff: true };
    res.json(body);
  });

  return router;
}
