import { Router } from "express";
import multer from "multer";
import { endpoints } from "@forum/shared";
import { avatarChanger } from "../commands/avatarChanger.js";
import { consentsUpdater } from "../commands/consentsUpdater.js";
import { passwordChanger } from "../commands/passwordChanger.js";
import { profileUpdater } from "../commands/profileUpdater.js";
import { recordEvent } from "../commands/recordEvent.js";
import type { Config } from "../config.js";
import { AppError, badRequest, notFound, unauthorized } from "../errors/AppError.js";
import { route, sent } from "../http/declareRoute.js";
import { User, type UserDocument } from "../models/User.js";
import { presentProfile } from "../presenters/profilePresenter.js";
import { AVATAR_MAX_BYTES, avatarPath } from "../infra/avatarStorage.js";
import { verifyPassword } from "../infra/passwords.js";
import { sessionStore } from "../queries/sessionDirectory.js";
import { isProcessingRestricted, processingRestricted } from "../domain/processingRestriction.js";

/** The signed-in user's own document, fresh from the database. */
async function currentUser(user: Express.User): Promise<UserDocument> {
  const current = await User.findById(user._id).lean();
  if (!current) throw unauthorized();
  return current;
}

const avatarUpload = multer({ storage: multer.memoryStorage(), limits: { fileSize: AVATAR_MAX_BYTES, files: 1 } });

export function meRoutes(config: Config): Router {
  const router = Router();

  route(router, endpoints.account.profile, async ({ user }) => presentProfile(await currentUser(user)));

  route(router, endpoints.account.updateProfile, async ({ user: signedIn, body, context }) => {
    const user = await currentUser(signedIn);
    if (isProcessingRestricted(user)) throw processingRestricted();
    const changes = body();
    return presentProfile(await profileUpdater({ user, changes, actorId: user._id, context }));
  });

  route(router, endpoints.account.updateConsents, async ({ user: signedIn, body, context }) => {
    const user = await currentUser(signedIn);
    const consents = body();
    return presentProfile(await consentsUpdater({ user, consents, context }));
  });

  route(router, endpoints.account.changePassword, async ({ user: signedIn, body, context }, req) => {
    const user = await currentUser(signedIn);
    const input = body();
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw badRequest("Obecne hasło jest nieprawidłowe.", { currentPassword: "Obecne hasło jest nieprawidłowe." });
    }
    await passwordChanger({
      user,
      newPassword: input.newPassword,
      keepSessionId: req.sessionID,
      actorId: user._id,
      context,
    });
  });

  route(router, endpoints.account.setAvatar, async ({ user: signedIn, context }, req, res) => {
    const user = await currentUser(signedIn);
    if (isProcessingRestricted(user)) throw processingRestricted();
    await new Promise<void>((resolve, reject) =>
      avatarUpload.single("avatar")(req, res, (error: unknown) => {
        if (error instanceof multer.MulterError && error.code === "LIMIT_FILE_SIZE") {
          return reject(new AppError(413, "payload_too_large", "Zdjęcie może mieć najwyżej 5 MB."));
        }
        if (error) return reject(badRequest("Nie udało się przesłać pliku."));
        resolve();
      }),
    );
    if (!req.file) throw badRequest("Wybierz plik ze zdjęciem.", { avatar: "Wybierz plik ze zdjęciem." });
    const updated = await avatarChanger({ user, upload: req.file.buffer, dataDir: config.DATA_DIR, context });
    return { avatarUrl: (await presentProfile(updated)).avatarUrl };
  });

  route(router, endpoints.account.removeAvatar, async ({ user: signedIn, context }) => {
    const user = await currentUser(signedIn);
    if (isProcessingRestricted(user)) throw processingRestricted();
    await avatarChanger({ user, upload: null, dataDir: config.DATA_DIR, context });
  });

  route(router, endpoints.account.avatar, async ({ params }, _req, res) => {
    const user = await User.findById(params.id, { avatarFile: 1 }).lean();
    if (!user?.avatarFile) throw notFound();
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cache-Control", "private, max-age=86400");
    return sent(res.type("image/webp").sendFile(avatarPath(config.DATA_DIR, user.avatarFile)));
  });

  route(router, endpoints.account.sessions, async ({ user: signedIn }, req) => {
    const user = await currentUser(signedIn);
    return { sessions: await sessionStore.listFor(user._id.toString(), req.sessionID) };
  });

  route(router, endpoints.account.revokeSession, async ({ user: signedIn, params, context }, req) => {
    const user = await currentUser(signedIn);
    const { revoked, sessionId } = await sessionStore.revoke(user._id.toString(), params.id);
    if (!revoked) throw notFound("Nie ma takiej sesji.");
    await recordEvent({
      name: "sessions.revoke",
      actorId: user._id,
      subjectType: "User",
      subjectId: user._id,
      data: { current: sessionId === req.sessionID },
      context,
    });
  });

  return router;
}
