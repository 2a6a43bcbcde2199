import { Router } from "express";
import { endpoints } from "@forum/shared";
import { accountEraser } from "../commands/accountEraser.js";
import { userRestrictor } from "../commands/userRestrictor.js";
import type { Config } from "../config.js";
import { badRequest, conflict, unauthorized } from "../errors/AppError.js";
import { route } from "../http/declareRoute.js";
import { User, type UserDocument } from "../models/User.js";
import { can, type Actor } from "../policies/index.js";
import type { RequestContext } from "../requestContext.js";
import { SESSION_COOKIE } from "../infra/sessionStore.js";
import { uploadDirectory } from "../infra/uploadStorage.js";
import { verifyPassword } from "../infra/passwords.js";
import { presentAccount, targetUser } from "./adminUserRoutes.js";

/** The account an admin erases or restricts; an erasure a crash interrupted (not done) may be run again. */
async function handledAccount(actor: Actor, id: UserDocument["_id"], action: "erase" | "restrict") {
  const user = await targetUser(actor, id, action);
  if (user.status === "erased" && (action !== "erase" || user.erasure?.done))
    throw conflict("To konto zostało już usunięte.");
  return user;
}

/** Whether the policies let this account go: the forum keeps at least one active admin. */
async function mayBeErased(actor: Actor, user: UserDocument): Promise<boolean> {
  const activeAdmins = await User.countDocuments({ role: "admin", status: "active" });
  return can(actor, "erase", "Account", { role: user.role, activeAdmins });
}

/** RODO: erasure of an account (by the person or by an admin on request) and restriction of its processing. */
export function erasureRoutes(config: Config): Router {
  const router = Router();
  const eraseWith = (
    user: UserDocument,
    actorId: UserDocument["_id"],
    reason: string | null,
    context: RequestContext,
  ) =>
    accountEraser({
      userId: user._id,
      actorId,
      reason,
      dataDir: config.DATA_DIR,
      uploadDirectory: uploadDirectory(config),
      context,
    });

  route(router, endpoints.account.erase, async ({ actor, user: signedIn, body, context }, req, res) => {
    const user = await User.findById(signedIn._id).lean();
    if (!user) throw unauthorized();
    const input = body();
    if (!(await verifyPassword(user.passwordHash, input.password))) {
      throw badRequest("Hasło jest nieprawidłowe.", { password: "Hasło jest nieprawidłowe." });
    }
    if (!(await mayBeErased(actor, user))) {
      throw conflict("Jesteś jedynym administratorem: najpierw nadaj komuś rolę administratora, potem usuń konto.");
    }
    await eraseWith(user, signedIn._id, null, context);
    // The eraser ended every stored session; this request's own session object goes too.
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
    res.clearCookie(SESSION_COOKIE);
  });

  route(router, endpoints.admin.erase, async ({ actor, user: signedIn, params, body, context }) => {
    const user = await handledAccount(actor, params.id, "erase");
    const { reason } = body();
    if (!(await mayBeErased(actor, user))) throw conflict("To jedyny administrator: nie można usunąć tego konta.");
    return presentAccount(await eraseWith(user, signedIn._id, reason, context));
  });

  route(router, endpoints.admin.restrict, async ({ actor, user: signedIn, params, body, context }) => {
    const user = await handledAccount(actor, params.id, "restrict");
    const { reason } = body();
    return presentAccount(await userRestrictor({ user, reason, actorId: signedIn._id, context }));
  });

  route(router, endpoints.admin.liftRestriction, async ({ actor, user: signedIn, params, context }) => {
    const user = await handledAccount(actor, params.id, "restrict");
    return presentAccount(await userRestrictor({ user, reason: null, actorId: signedIn._id, context }));
  });

  return router;
}
