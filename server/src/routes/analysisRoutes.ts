import { Router } from "express";
import type mongoose from "mongoose";
import { endpoints, type AnalysisListView } from "@forum/shared";
import { analysisCommentCreator } from "../commands/analysisCommentCreator.js";
import { analysisCommentHider } from "../commands/analysisCommentHider.js";
import { analysisCreator } from "../commands/analysisCreator.js";
import { analysisDeleter } from "../commands/analysisDeleter.js";
import { analysisPublicSetter } from "../commands/analysisPublicSetter.js";
import { analysisPublisher } from "../commands/analysisPublisher.js";
import { analysisUnpublisher } from "../commands/analysisUnpublisher.js";
import { analysisUpdater } from "../commands/analysisUpdater.js";
import { forbidden, notFound, unauthorized } from "../errors/AppError.js";
import { route } from "../http/declareRoute.js";
import { Analysis, type AnalysisDocument } from "../models/Analysis.js";
import { AnalysisComment } from "../models/AnalysisComment.js";
import { authorize, can, type Actor } from "../policies/index.js";
import { presentAnalysis, presentAnalysisComments } from "../presenters/analysisPresenter.js";
import { presentAnalysisSummaries } from "../presenters/librarySummaryPresenter.js";

/**
 * The analysis named in the URL, after checking the actor may do `action` with it. A visitor is asked to sign in
 * for a missing one as for one they may not read (a public one they read).
 */
async function loadAnalysis(
  actor: Actor | null,
  id: mongoose.Types.ObjectId,
  action: string,
): Promise<AnalysisDocument> {
  const analysis = await Analysis.findById(id).lean();
  if (!analysis) throw actor ? notFound() : unauthorized();
  authorize(actor, action, "Analysis", analysis);
  return analysis as AnalysisDocument;
}

async function presentComment(comment: Parameters<typeof presentAnalysisComments>[0][number]) {
  const [view] = await presentAnalysisComments([comment]);
  if (!view) throw new Error(`comment ${comment._id.toString()} could not be presented`);
  return { comment: view };
}

export function analysisRoutes(): Router {
  const router = Router();

  /** Analyses the actor may write about: staff see every draft, experts their own; everyone the published ones. */
  route(router, endpoints.knowledge.analyses, async ({ actor, user }): Promise<AnalysisListView> => {
    const query = can(actor, "readAllDrafts", "Analysis", null)
      ? Analysis.find()
      : Analysis.find({ $or: [{ status: "published" as const }, { authorId: user._id }] });
    const analyses = await query.sort({ updatedAt: -1 }).limit(200).lean();
    return { analyses: await presentAnalysisSummaries(analyses as AnalysisDocument[]) };
  });

  route(router, endpoints.knowledge.createAnalysis, async ({ actor, user, body, context }) => {
    if (!can(actor, "create", "Analysis", null)) {
      throw forbidden("Analizy tematyczne piszą moderatorzy i eksperci.");
    }
    const input = body();
    const analysis = await analysisCreator({ input, authorId: user._id, context });
    return { analysis: await presentAnalysis(analysis, actor) };
  });

  route(router, endpoints.knowledge.analysis, async ({ actor, params }) => {
    const analysis = await loadAnalysis(actor, params.id, "read");
    return { analysis: await presentAnalysis(analysis, actor) };
  });

  route(router, endpoints.knowledge.updateAnalysis, async ({ actor, user, params, body, context }) => {
    const analysis = await loadAnalysis(actor, params.id, "update");
    const input = body();
    const updated = await analysisUpdater({ analysis, input, actorId: user._id, context });
    return { analysis: await presentAnalysis(updated, actor) };
  });

  route(router, endpoints.knowledge.deleteAnalysis, async ({ actor, user, params, context }) => {
    const analysis = await loadAnalysis(actor, params.id, "delete");
    await analysisDeleter({ analysis, actorId: user._id, context });
  });

  route(router, endpoints.knowledge.publishAnalysis, async ({ actor, user, params, body, context }) => {
    const analysis = await loadAnalysis(actor, params.id, "publish");
    const { isPublic } = body();
    if (isPublic && !can(actor, "publishPublicly", "Analysis", analysis))
      throw forbidden("Publiczną analizę może udostępnić tylko moderator.");
    const updated = await analysisPublisher({ analysis, isPublic, actorId: user._id, context });
    return { analysis: await presentAnalysis(updated, actor) };
  });

  route(router, endpoints.knowledge.unpublishAnalysis, async ({ actor, user, params, context }) => {
    const analysis = await loadAnalysis(actor, params.id, "publish");
    const updated = await analysisUnpublisher({ analysis, actorId: user._id, context });
    return { analysis: await presentAnalysis(updated, actor) };
  });

  route(router, endpoints.knowledge.setAnalysisPublic, async ({ actor, user, params, body, context }) => {
    const analysis = await loadAnalysis(actor, params.id, "setPublic");
    const { isPublic } = body();
    const updated = await analysisPublicSetter({ analysis, isPublic, actorId: user._id, context });
    return { analysis: await presentAnalysis(updated, actor) };
  });

  route(router, endpoints.knowledge.sectionComments, async ({ actor, params }) => {
    const analysis = await loadAnalysis(actor, params.id, "read");
    const { sectionId } = params;
    if (!analysis.sections.some((section) => section._id.equals(sectionId))) throw notFound();
    const moderates = can(actor, "moderateComments", "Analysis", analysis);
    const comments = await AnalysisComment.find({
      analysisId: analysis._id,
      sectionId,
      ...(moderates ? {} : { hidden: false }),
    })
      .sort({ createdAt: 1 })
      .limit(500)
      .lean();
    return { comments: await presentAnalysisComments(comments) };
  });

  route(router, endpoints.knowledge.comment, async ({ actor, user, params, body, context }) => {
    const analysis = await loadAnalysis(actor, params.id, "comment");
    const { body: text } = body();
    const comment = await analysisCommentCreator({
      analysis,
      sectionId: params.sectionId,
      body: text,
      authorId: user._id,
      context,
    });
    return presentComment(comment);
  });

  route(router, endpoints.knowledge.hideComment, async ({ actor, user, params, context }) => {
    const analysis = await loadAnalysis(actor, params.id, "moderateComments");
    const comment = await AnalysisComment.findOne({ _id: params.commentId, analysisId: analysis._id }).lean();
    if (!comment) throw notFound();
    const hidden = await analysisCommentHider({ analysis, comment, moderatorId: user._id, context });
    return presentComment(hidden);
  });

  return router;
}
