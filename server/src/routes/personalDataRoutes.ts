import { Router, type Request, type Response } from "express";
import type { ConsentHistoryResponse } from "@forum/shared";
import { personalDataExporter } from "../commands/personalDataExporter.js";
import type { Config } from "../config.js";
import { notFound, unauthorized } from "../errors/AppError.js";
import { countAttempt } from "../http/rateLimits.js";
import { parseObjectId } from "../http/validation.js";
import { ConsentRecord } from "../models/ConsentRecord.js";
import { User, type UserDocument } from "../models/User.js";
import { authorize } from "../policies/index.js";
import { uploadDirectory } from "../infra/uploadStorage.js";

/** The signed-in person, fresh from the database. */
async function self(req: Request): Promise<UserDocument> {
  if (!req.actor || !req.user) throw unauthorized();
  const user = await User.findById(req.user._id).lean();
  if (!user) throw unauthorized();
  return user;
}

/** The person an admin handles; people who may not manage people do not learn the account exists. */
async function person(req: Request, action: string): Promise<UserDocument> {
  if (!req.actor) throw unauthorized();
  authorize(req.actor, "list", "User", null);
  const user = await User.findById(parseObjectId(req.params.id)).lean();
  if (!user) throw notFound("Nie ma takiego użytkownika.");
  authorize(req.actor, action, "User", user);
  return user;
}

async function consentHistory(user: UserDocument): Promise<ConsentHistoryResponse> {
  const records = await ConsentRecord.find({ userId: user._id }).sort({ at: -1 }).limit(500).lean();
  return {
    records: records.map((record) => ({
      kind: record.kind,
      value: record.value,
      frequency: record.frequency ?? null,
      textVersion: record.textVersion,
      at: record.at.toISOString(),
    })),
  };
}

/** The person's data archive (RODO access and portability) and the log of their consents. */
export function personalDataRoutes(config: Config): Router {
  const router = Router();
  const sources = (req: Request, forSelf: boolean) => ({
    dataDir: config.DATA_DIR,
    uploadDir: uploadDirectory(config),
    currentSessionId: forSelf ? req.sessionID : null,
  });

  async function sendArchive(req: Request, res: Response, user: UserDocument, forSelf: boolean): Promise<void> {
    const archive = await personalDataExporter({
      user,
      actorId: req.user!._id,
      sources: sources(req, forSelf),
      context: req.context,
    });
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cache-Control", "no-store");
    res.attachment(archive.fileName);
    res.type("application/zip").send(Buffer.from(archive.content));
  }

  router.get("/me/export", async (req, res) => {
    const user = await self(req);
    authorize(req.actor, "exportData", "User", user);
    await countAttempt("personalDataExport", req.ip ?? "", user._id.toString());
    await sendArchive(req, res, user, true);
  });

  router.get("/me/consents/history", async (req, res) => {
    const user = await self(req);
    authorize(req.actor, "readConsents", "User", user);
    res.json(await consentHistory(user));
  });

  router.get("/admin/users/:id/export", async (req, res) => {
    const user = await person(req, "exportData");
    await sendArchive(req, res, user, false);
  });

  router.get("/admin/users/:id/consents", async (req, res) => {
    res.json(await consentHistory(await person(req, "readConsents")));
  });

  return router;
}
