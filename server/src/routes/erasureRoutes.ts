import { Router, type Request } from "express";
import { accountEraseSchema, adminAccountEraseSchema, userRestrictionSchema } from "@forum/shared";
import { accountEraser } from "../commands/accountEraser.js";
import { userRestrictor } from "../commands/userRestrictor.js";
import type { Config } from "../config.js";
import { badRequest, conflict, notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { User, type UserDocument } from "../models/User.js";
import { authorize } from "../policies/index.js";
import { presentAdminUsers } from "../presenters/adminUserPresenter.js";
import { SESSION_COOKIE } from "../infra/sessionStore.js";
import { uploadDirectory } from "../infra/uploadStorage.js";
import { verifyPassword } from "../infra/passwords.js";

async function targetUser(req: Request, action: string): Promise<UserDocument> {
  if (!req.actor || !req.user) throw unauthorized();
  authorize(req.actor, "list", "User", null);
  const user = await User.findById(parseObjectId(req.params.id)).lean();
  if (!user) throw notFound("Nie ma takiego użytkownika.");
  authorize(req.actor, action, "User", user);
  // An erasure a crash interrupted (not done) may be run again to finish it.
  if (user.status === "erased" && (action !== "erase" || user.erasure?.done))
    throw conflict("To konto zostało już usunięte.");
  return user;
}

/** Who else could run the forum: an admin may not erase the account while no other active admin is left. */
async function isLastAdmin(user: UserDocument): Promise<boolean> {
  if (user.role !== "admin") return false;
  const admins = await User.countDocuments({ role: "admin", status: "active" });
  return admins <= 1;
}

/** RODO: erasure of an account (by the person or by an admin on request) and restriction of its processing. */
export function erasureRoutes(config: Config): Router {
  const router = Router();
  const eraseWith = (req: Request, user: UserDocument, reason: string | null) =>
    accountEraser({
      userId: user._id,
      actorId: req.user!._id,
      reason,
      dataDir: config.DATA_DIR,
      uploadDirectory: uploadDirectory(config),
      context: req.context,
    });

  router.post("/me/erase", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const user = await User.findById(req.user._id).lean();
    if (!user) throw unauthorized();
    const input = parseInput(accountEraseSchema, req.body);
    if (!(await verifyPassword(user.passwordHash, input.password))) {
      throw badRequest("Hasło jest nieprawidłowe.", { password: "Hasło jest nieprawidłowe." });
    }
    if (await isLastAdmin(user)) {
      throw conflict("Jesteś jedynym administratorem: najpierw nadaj komuś rolę administratora, potem usuń konto.");
    }
    await eraseWith(req, user, null);
    // The eraser ended every stored session; this request's own session object goes too.
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
    res.clearCookie(SESSION_COOKIE).status(204).end();
  });

  router.post("/admin/users/:id/erase", async (req, res) => {
    const user = await targetUser(req, "erase");
    const { reason } = parseInput(adminAccountEraseSchema, req.body);
    if (await isLastAdmin(user)) throw conflict("To jedyny administrator: nie można usunąć tego konta.");
    const erased = await eraseWith(req, user, reason);
    res.json({ user: (await presentAdminUsers([erased]))[0] });
  });

  router.post("/admin/users/:id/restriction", async (req, res) => {
    const user = await targetUser(req, "restrict");
    const { reason } = parseInput(userRestrictionSchema, req.body);
    const updated = await userRestrictor({ user, reason, actorId: req.user!._id, context: req.context });
    res.json({ user: (await presentAdminUsers([updated]))[0] });
  });

  router.delete("/admin/users/:id/restriction", async (req, res) => {
    const user = await targetUser(req, "restrict");
    const updated = await userRestrictor({ user, reason: null, actorId: req.user!._id, context: req.context });
    res.json({ user: (await presentAdminUsers([updated]))[0] });
  });

  return router;
}
