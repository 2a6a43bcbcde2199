import { Router, type Request } from "express";
import multer from "multer";
import { consentsUpdateSchema, passwordChangeSchema, profileUpdateSchema } from "@forum/shared";
import { avatarChanger } from "../commands/avatarChanger.js";
import { consentsUpdater } from "../commands/consentsUpdater.js";
import { passwordChanger } from "../commands/passwordChanger.js";
import { profileUpdater } from "../commands/profileUpdater.js";
import { recordEvent } from "../commands/recordEvent.js";
import type { Config } from "../config.js";
import { AppError, badRequest, notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { User, type UserDocument } from "../models/User.js";
import { presentProfile } from "../presenters/profilePresenter.js";
import { AVATAR_MAX_BYTES, avatarPath } from "../infra/avatarStorage.js";
import { verifyPassword } from "../infra/passwords.js";
import { sessionStore } from "../queries/sessionDirectory.js";
import { isProcessingRestricted, processingRestricted } from "../domain/processingRestriction.js";

/** The signed-in user's own document, fresh from the database. */
async function currentUser(req: Request): Promise<UserDocument> {
  if (!req.actor || !req.user) throw unauthorized();
  const user = await User.findById(req.user._id).lean();
  if (!user) throw unauthorized();
  return user;
}

const avatarUpload = multer({ storage: multer.memoryStorage(), limits: { fileSize: AVATAR_MAX_BYTES, files: 1 } });

export function meRoutes(config: Config): Router {
  const router = Router();

  router.get("/me/profile", async (req, res) => {
    res.json(await presentProfile(await currentUser(req)));
  });

  router.patch("/me/profile", async (req, res) => {
    const user = await currentUser(req);
    if (isProcessingRestricted(user)) throw processingRestricted();
    const changes = parseInput(profileUpdateSchema, req.body);
    res.json(await presentProfile(await profileUpdater({ user, changes, actorId: user._id, context: req.context })));
  });

  router.patch("/me/consents", async (req, res) => {
    const user = await currentUser(req);
    const consents = parseInput(consentsUpdateSchema, req.body);
    res.json(await presentProfile(await consentsUpdater({ user, consents, context: req.context })));
  });

  router.post("/me/password", async (req, res) => {
    const user = await currentUser(req);
    const input = parseInput(passwordChangeSchema, req.body);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw badRequest("Obecne hasło jest nieprawidłowe.", { currentPassword: "Obecne hasło jest nieprawidłowe." });
    }
    await passwordChanger({
      user,
      newPassword: input.newPassword,
      keepSessionId: req.sessionID,
      actorId: user._id,
      context: req.context,
    });
    res.status(204).end();
  });

  router.put("/me/avatar", async (req, res) => {
    const user = await currentUser(req);
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
    const updated = await avatarChanger({
      user,
      upload: req.file.buffer,
      dataDir: config.DATA_DIR,
      context: req.context,
    });
    res.json({ avatarUrl: (await presentProfile(updated)).avatarUrl });
  });

  router.delete("/me/avatar", async (req, res) => {
    const user = await currentUser(req);
    if (isProcessingRestricted(user)) throw processingRestricted();
    await avatarChanger({ user, upload: null, dataDir: config.DATA_DIR, context: req.context });
    res.status(204).end();
  });

  router.get("/users/:id/avatar", async (req, res) => {
    if (!req.actor) throw unauthorized();
    const user = await User.findById(parseObjectId(req.params.id), { avatarFile: 1 }).lean();
    if (!user?.avatarFile) throw notFound();
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cache-Control", "private, max-age=86400");
    res.type("image/webp").sendFile(avatarPath(config.DATA_DIR, user.avatarFile));
  });

  router.get("/me/sessions", async (req, res) => {
    const user = await currentUser(req);
    res.json({ sessions: await sessionStore.listFor(user._id.toString(), req.sessionID) });
  });

  router.delete("/me/sessions/:id", async (req, res) => {
    const user = await currentUser(req);
    const { revoked, sessionId } = await sessionStore.revoke(user._id.toString(), String(req.params.id));
    if (!revoked) throw notFound("Nie ma takiej sesji.");
    await recordEvent({
      name: "sessions.revoke",
      actorId: user._id,
      subjectType: "User",
      subjectId: user._id,
      data: { current: sessionId === req.sessionID },
      context: req.context,
    });
    res.status(204).end();
  });

  return router;
}
