import { Router, type Request, type Response } from "express";
import { endpoints, type ConsentHistoryResponse } from "@forum/shared";
import { personalDataExporter } from "../commands/personalDataExporter.js";
import type { Config } from "../config.js";
import { unauthorized } from "../errors/AppError.js";
import { route, sent } from "../http/declareRoute.js";
import { countAttempt } from "../http/rateLimits.js";
import { ConsentRecord } from "../models/ConsentRecord.js";
import { User, type UserDocument } from "../models/User.js";
import { authorize } from "../policies/index.js";
import type { RequestContext } from "../requestContext.js";
import { uploadDirectory } from "../infra/uploadStorage.js";
import { targetUser } from "./adminUserRoutes.js";

/** The signed-in person, fresh from the database. */
async function self(user: Express.User): Promise<UserDocument> {
  const current = await User.findById(user._id).lean();
  if (!current) throw unauthorized();
  return current;
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

  async function sendArchive(
    req: Request,
    res: Response,
    archived: { user: UserDocument; actorId: UserDocument["_id"]; forSelf: boolean; context: RequestContext },
  ) {
    const archive = await personalDataExporter({
      user: archived.user,
      actorId: archived.actorId,
      sources: {
        dataDir: config.DATA_DIR,
        uploadDir: uploadDirectory(config),
        currentSessionId: archived.forSelf ? req.sessionID : null,
      },
      context: archived.context,
    });
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cache-Control", "no-store");
    res.attachment(archive.fileName);
    return sent(res.type("application/zip").send(Buffer.from(archive.content)));
  }

  route(router, endpoints.account.exportData, async ({ actor, user: signedIn, context }, req, res) => {
    const user = await self(signedIn);
    authorize(actor, "exportData", "User", user);
    await countAttempt("personalDataExport", context.ip ?? "", user._id.toString());
    return sendArchive(req, res, { user, actorId: signedIn._id, forSelf: true, context });
  });

  route(router, endpoints.account.consentHistory, async ({ actor, user: signedIn }) => {
    const user = await self(signedIn);
    authorize(actor, "readConsents", "User", user);
    return consentHistory(user);
  });

  route(router, endpoints.admin.exportData, async ({ actor, user: signedIn, params, context }, req, res) => {
    const user = await targetUser(actor, params.id, "exportData");
    return sendArchive(req, res, { user, actorId: signedIn._id, forSelf: false, context });
  });

  route(router, endpoints.admin.consentHistory, async ({ actor, params }) =>
    consentHistory(await targetUser(actor, params.id, "readConsents")),
  );

  return router;
}
