import { Router, type Request } from "express";
import type mongoose from "mongoose";
import type { AnalysisListView } from "@forum/shared";
import {
  analysisCommentInputSchema,
  analysisInputSchema,
  analysisPublicInputSchema,
  analysisPublishInputSchema,
} from "@forum/shared";
import { analysisCommentCreator } from "../commands/analysisCommentCreator.js";
import { analysisCommentHider } from "../commands/analysisCommentHider.js";
import { analysisCreator } from "../commands/analysisCreator.js";
import { analysisDeleter } from "../commands/analysisDeleter.js";
import { analysisPublicSetter } from "../commands/analysisPublicSetter.js";
import { analysisPublisher } from "../commands/analysisPublisher.js";
import { analysisUnpublisher } from "../commands/analysisUnpublisher.js";
import { analysisUpdater } from "../commands/analysisUpdater.js";
import { forbidden, notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { Analysis, type AnalysisDocument } from "../models/Analysis.js";
import { AnalysisComment } from "../models/AnalysisComment.js";
import { authorize, can, type Actor } from "../policies/index.js";
import { isStaff } from "../policies/actor.js";
import { presentAnalysis, presentAnalysisComments } from "../presenters/analysisPresenter.js";
import { presentAnalysisSummaries } from "../presenters/librarySummaryPresenter.js";

/** The analysis named in the URL, after checking the actor may do `action` with it. */
async function loadAnalysis(req: Request, action: string): Promise<AnalysisDocument> {
  const analysis = await Analysis.findById(parseObjectId(req.params.id)).lean();
  if (!analysis) throw req.actor ? notFound() : unauthorized();
  authorize(req.actor, action, "Analysis", analysis);
  return analysis as AnalysisDocument;
}

interface SignedIn {
  actor: Actor;
  userId: mongoose.Types.ObjectId;
}

function signedIn(req: Request): SignedIn {
  if (!req.actor || !req.user) throw unauthorized();
  return { actor: req.actor, userId: req.user._id };
}

export function analysisRoutes(): Router {
  const router = Router();

  /** Analyses the actor may write about: staff see every draft, experts their own; everyone the published ones. */
  router.get("/analyses", async (req, res) => {
    const { actor, userId } = signedIn(req);
    const query = isStaff(actor)
      ? Analysis.find()
      : Analysis.find({ $or: [{ status: "published" as const }, { authorId: userId }] });
    const analyses = await query.sort({ updatedAt: -1 }).limit(200).lean();
    const body: AnalysisListView = { analyses: await presentAnalysisSummaries(analyses as AnalysisDocument[]) };
    res.json(body);
  });

  router.post("/analyses", async (req, res) => {
    const { actor, userId } = signedIn(req);
    if (!can(actor, "create", "Analysis", null)) {
      throw forbidden("Analizy tematyczne piszą moderatorzy i eksperci.");
    }
    const input = parseInput(analysisInputSchema, req.body);
    const analysis = await analysisCreator({ input, authorId: userId, context: req.context });
    res.status(201).json({ analysis: await presentAnalysis(analysis, actor) });
  });

  router.get("/analyses/:id", async (req, res) => {
    const analysis = await loadAnalysis(req, "read");
    res.json({ analysis: await presentAnalysis(analysis, req.actor ?? null) });
  });

  router.patch("/analyses/:id", async (req, res) => {
    const analysis = await loadAnalysis(req, "update");
    const { actor, userId } = signedIn(req);
    const input = parseInput(analysisInputSchema, req.body);
    const updated = await analysisUpdater({ analysis, input, actorId: userId, context: req.context });
    res.json({ analysis: await presentAnalysis(updated, actor) });
  });

  router.delete("/analyses/:id", async (req, res) => {
    const analysis = await loadAnalysis(req, "delete");
    const { userId } = signedIn(req);
    await analysisDeleter({ analysis, actorId: userId, context: req.context });
    res.status(204).end();
  });

  router.post("/analyses/:id/publish", async (req, res) => {
    const analysis = await loadAnalysis(req, "publish");
    const { actor, userId } = signedIn(req);
    const { isPublic } = parseInput(analysisPublishInputSchema, req.body ?? {});
    if (isPublic && !isStaff(actor)) throw forbidden("Publiczną analizę może udostępnić tylko moderator.");
    const updated = await analysisPublisher({ analysis, isPublic, actorId: userId, context: req.context });
    res.json({ analysis: await presentAnalysis(updated, actor) });
  });

  router.post("/analyses/:id/unpublish", async (req, res) => {
    const analysis = await loadAnalysis(req, "publish");
    const { actor, userId } = signedIn(req);
    const updated = await analysisUnpublisher({ analysis, actorId: userId, context: req.context });
    res.json({ analysis: await presentAnalysis(updated, actor) });
  });

  router.put("/analyses/:id/public", async (req, res) => {
    const analysis = await loadAnalysis(req, "setPublic");
    const { actor, userId } = signedIn(req);
    const { isPublic } = parseInput(analysisPublicInputSchema, req.body);
    const updated = await analysisPublicSetter({ analysis, isPublic, actorId: userId, context: req.context });
    res.json({ analysis: await presentAnalysis(updated, actor) });
  });

  router.get("/analyses/:id/sections/:sectionId/comments", async (req, res) => {
    const analysis = await loadAnalysis(req, "read");
    const sectionId = parseObjectId(req.params.sectionId);
    if (!analysis.sections.some((section) => section._id.equals(sectionId))) throw notFound();
    const moderates = can(req.actor ?? null, "moderateComments", "Analysis", analysis);
    const comments = await AnalysisComment.find({
      analysisId: analysis._id,
      sectionId,
      ...(moderates ? {} : { hidden: false }),
    })
      .sort({ createdAt: 1 })
      .limit(500)
      .lean();
    res.json({ comments: await presentAnalysisComments(comments) });
  });

  router.post("/analyses/:id/sections/:sectionId/comments", async (req, res) => {
    const analysis = await loadAnalysis(req, "comment");
    const { userId } = signedIn(req);
    const sectionId = parseObjectId(req.params.sectionId);
    const { body } = parseInput(analysisCommentInputSchema, req.body);
    const comment = await analysisCommentCreator({ analysis, sectionId, body, authorId: userId, context: req.context });
    const [view] = await presentAnalysisComments([comment]);
    res.status(201).json({ comment: view });
  });

  router.post("/analyses/:id/comments/:commentId/hide", async (req, res) => {
    const analysis = await loadAnalysis(req, "moderateComments");
    const { userId } = signedIn(req);
    const comment = await AnalysisComment.findOne({
      _id: parseObjectId(req.params.commentId),
      analysisId: analysis._id,
    }).lean();
    if (!comment) throw notFound();
    const hidden = await analysisCommentHider({ analysis, comment, moderatorId: userId, context: req.context });
    const [view] = await presentAnalysisComments([hidden]);
    res.json({ comment: view });
  });

  return router;
}
