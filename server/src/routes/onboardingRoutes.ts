import { Router } from "express";
import mongoose from "mongoose";
import multer from "multer";
import { endpoints, ONBOARDING_FILE_MAX_BYTES, ONBOARDING_PAGE_SIZE } from "@forum/shared";
import { onboardingImporter } from "../commands/onboardingImporter.js";
import { onboardingRowFixer } from "../commands/onboardingRowFixer.js";
import { onboardingSendRequester } from "../commands/onboardingSendRequester.js";
import { atLeast } from "../db/comparisons.js";
import { AppError, badRequest, notFound } from "../errors/AppError.js";
import { route } from "../http/declareRoute.js";
import { onboardingSending } from "../jobs/onboardingSending.js";
import { Cohort } from "../models/Cohort.js";
import { OnboardingImport, type OnboardingImportDocument } from "../models/OnboardingImport.js";
import { OnboardingRow, type OnboardingRowDocument } from "../models/OnboardingRow.js";
import { authorize, type Actor } from "../policies/index.js";
import { presentImport, presentRows } from "../presenters/onboardingPresenter.js";

const RECENT_IMPORTS = 20;

async function importFor(actor: Actor, id: mongoose.Types.ObjectId): Promise<OnboardingImportDocument> {
  authorize(actor, "manage", "Programme", null);
  const found = await OnboardingImport.findById(id).lean();
  if (!found) throw notFound();
  return found as OnboardingImportDocument;
}

const tooLarge = () =>
  new AppError(413, "payload_too_large", "Plik jest za duży: lista uczestników może mieć najwyżej 5 MB.");

/** Uploading a participant list, its preview page by page, fixes in place and sending (ZMP only). */
export function onboardingRoutes(): Router {
  const router = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: ONBOARDING_FILE_MAX_BYTES, files: 1, fields: 5 },
  });

  route(router, endpoints.programme.imports, async ({ actor }) => {
    authorize(actor, "manage", "Programme", null);
    const recent = await OnboardingImport.find({}).sort({ createdAt: -1 }).limit(RECENT_IMPORTS).lean();
    return { imports: await Promise.all(recent.map((doc) => presentImport(doc as OnboardingImportDocument))) };
  });

  route(router, endpoints.programme.uploadImport, async ({ actor, user, context }, req, res) => {
    authorize(actor, "manage", "Programme", null);
    if (Number(req.headers["content-length"] ?? 0) > ONBOARDING_FILE_MAX_BYTES + 64 * 1024) throw tooLarge();
    await new Promise<void>((resolve, reject) =>
      upload.single("file")(req, res, (error: unknown) => {
        if (error instanceof multer.MulterError && error.code === "LIMIT_FILE_SIZE") return reject(tooLarge());
        if (error) return reject(badRequest("Nie udało się przesłać pliku. Spróbuj ponownie."));
        resolve();
      }),
    );
    if (!req.file || req.file.size === 0)
      throw badRequest("Wybierz plik XLSX albo CSV z listą uczestników.", {
        file: "Wybierz plik XLSX albo CSV z listą uczestników.",
      });
    const cohortField = typeof req.body?.cohortId === "string" ? req.body.cohortId : "";
    const cohort = mongoose.isValidObjectId(cohortField) ? await Cohort.findById(cohortField, { _id: 1 }).lean() : null;
    if (cohortField && !cohort) throw badRequest("Wybierz edycję programu.", { cohortId: "Wybierz edycję programu." });
    const created = await onboardingImporter({
      fileName: Buffer.from(req.file.originalname, "latin1").toString("utf8"),
      content: req.file.buffer,
      cohortId: cohort?._id ?? null,
      actorId: user._id,
      context,
    });
    return { import: await presentImport(created) };
  });

  route(router, endpoints.programme.importRows, async ({ actor, params, query }) => {
    const list = await importFor(actor, params.id);
    const { problems, cursor } = query();
    const from = cursor ?? 0;
    const filter = { importId: list._id, index: atLeast(from), ...(problems === "1" ? { attention: true } : {}) };
    const rows = (await OnboardingRow.find(filter)
      .sort({ index: 1 })
      .limit(ONBOARDING_PAGE_SIZE + 1)
      .lean()) as OnboardingRowDocument[];
    const page = rows.slice(0, ONBOARDING_PAGE_SIZE);
    const next = rows[ONBOARDING_PAGE_SIZE];
    return {
      import: await presentImport(list),
      rows: await presentRows(page),
      nextCursor: next ? String(next.index) : null,
    };
  });

  route(router, endpoints.programme.fixRow, async ({ actor, user, params, body, context }) => {
    const list = await importFor(actor, params.id);
    const fix = body();
    const row = await onboardingRowFixer({ list, rowId: params.rowId, fix, actorId: user._id, context });
    const [view] = await presentRows([row]);
    if (!view) throw notFound();
    return { row: view, import: await presentImport(list) };
  });

  route(router, endpoints.programme.sendImport, async ({ actor, user, params, context }) => {
    const list = await importFor(actor, params.id);
    const updated = await onboardingSendRequester({ list, actorId: user._id, context });
    onboardingSending.nudge();
    return { import: await presentImport(updated) };
  });

  return router;
}
