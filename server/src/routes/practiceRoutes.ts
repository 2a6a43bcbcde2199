import { Router } from "express";
import type mongoose from "mongoose";
import { diffWords } from "diff";
import type {
  PracticeFieldChange,
  PracticeListsView,
  PracticeVersionView,
  PracticeVersionsView,
  ThreadPracticesView,
} from "@forum/shared";
import { endpoints } from "@forum/shared";
import { practiceCreator } from "../commands/practiceCreator.js";
import { practiceDeleter } from "../commands/practiceDeleter.js";
import { practiceEditor } from "../commands/practiceEditor.js";
import { practicePublicSetter } from "../commands/practicePublicSetter.js";
import { practicePublisher } from "../commands/practicePublisher.js";
import { practiceReviewStarter } from "../commands/practiceReviewStarter.js";
import { practiceReviewer } from "../commands/practiceReviewer.js";
import { practiceSubmitter } from "../commands/practiceSubmitter.js";
import { practiceUnpublisher } from "../commands/practiceUnpublisher.js";
import { anyOf } from "../db/anyOf.js";
import { forbidden, notFound } from "../errors/AppError.js";
import { route } from "../http/declareRoute.js";
import { parseObjectId } from "../http/validation.js";
import { Post } from "../models/Post.js";
import { Practice, type PracticeDocument } from "../models/Practice.js";
import { PracticeReview } from "../models/PracticeReview.js";
import { PracticeVersion, type PracticeVersionDocument } from "../models/PracticeVersion.js";
import { Thread } from "../models/Thread.js";
import { authorize, can, type Actor } from "../policies/index.js";
import { presentPracticeSummaries } from "../presenters/librarySummaryPresenter.js";
import { presentPractice } from "../presenters/practicePresenter.js";
import { loadAuthors } from "../queries/authorDirectory.js";
import { jstsByIds } from "../queries/jstCatalogue.js";
import { preparePracticeContent } from "../commands/support/practiceContent.js";

const LIST_LIMIT = 200;
const UNKNOWN = { id: "", name: "", jstName: null };

/**
 * The practice named in the URL after checking the actor may do `action`. One they may not read is "not found" —
 * for visitors too, so an unpublished practice's existence does not leak.
 */
async function loadPractice(
  actor: Actor | null,
  id: mongoose.Types.ObjectId,
  action: string,
): Promise<PracticeDocument> {
  const practice = await Practice.findById(id).lean();
  if (!practice || !can(actor, "read", "Practice", practice)) throw notFound();
  authorize(actor, action, "Practice", practice);
  return practice;
}

/** The thread (and post) a practice is written from; the first post when only the thread is named. */
async function loadSource(actor: Actor, source: { threadId: string; postId: string | null }) {
  const thread = await Thread.findById(parseObjectId(source.threadId)).lean();
  if (!thread || !can(actor, "read", "Thread", { groupId: thread.groupId ?? null })) throw notFound();
  const post = source.postId
    ? await Post.findOne({ _id: parseObjectId(source.postId), threadId: thread._id, deletedAt: null }).lean()
    : await Post.findOne({ threadId: thread._id, deletedAt: null }).sort({ number: 1 }).lean();
  if (!post || post.hiddenAt) throw notFound();
  // A thread is its starter's; a single post its writer's.
  const authorId = source.postId ? post.authorId : thread.authorId;
  if (!can(actor, "createFromSource", "Practice", { authorId, groupId: thread.groupId ?? null })) {
    throw forbidden("Wątek lub wpis może opisać jako dobrą praktykę tylko jego autor(ka) albo moderacja.");
  }
  return { thread, post };
}

const TEXT_FIELDS = [
  "title",
  "summary",
  "context",
  "actions",
  "results",
  "costs",
  "fundingSources",
  "timeFrame",
  "contact",
  "jsts",
  "tags",
  "attachments",
] as const;

async function versionFieldsOf(version: PracticeVersionDocument): Promise<Record<string, string>> {
  const jsts = await jstsByIds(version.jstIds);
  return {
    title: version.title,
    summary: version.summary,
    context: version.context,
    actions: version.actions,
    results: version.results,
    costs: version.costs,
    fundingSources: version.fundingSources,
    timeFrame: version.timeFrame,
    contact: [version.contact?.name, version.contact?.email, version.contact?.phone].filter(Boolean).join(", "),
    jsts: version.jstIds.map((id) => jsts.get(id.toString())?.name ?? "").join(", "),
    tags: version.tags.join(", "),
    attachments: String(version.attachmentIds.length),
  };
}

function changesBetween(before: Record<string, string> | null, after: Record<string, string>): PracticeFieldChange[] {
  if (!before) return [];
  return TEXT_FIELDS.flatMap((field) => {
    if ((before[field] ?? "") === (after[field] ?? "")) return [];
    const parts = diffWords(before[field] ?? "", after[field] ?? "").map((part) => ({
      value: part.value,
      added: part.added,
      removed: part.removed,
    }));
    return [{ field, parts }];
  });
}

export function practiceRoutes(): Router {
  const router = Router();

  route(router, endpoints.knowledge.practices, async ({ actor, user }): Promise<PracticeListsView> => {
    const mine = await Practice.find({ authorId: user._id }).sort({ updatedAt: -1 }).limit(LIST_LIMIT).lean();
    const reviews = can(actor, "listForReview", "Practice", null);
    const queue = reviews
      ? await Practice.find({ status: anyOf(["submitted", "inReview"]) })
          .sort({ submittedAt: 1 })
          .limit(LIST_LIMIT)
          .lean()
      : [];
    const recommended = new Set(
      queue.length
        ? (
            await PracticeReview.find(
              { practiceId: anyOf(queue.map((practice) => practice._id)), verdict: "recommend" },
              { practiceId: 1 },
            ).lean()
          ).map((review) => review.practiceId.toString())
        : [],
    );
    const isRecommended = (practice: PracticeDocument) =>
      practice.status === "inReview" && recommended.has(practice._id.toString());
    return {
      mine: await presentPracticeSummaries(mine),
      toReview: reviews ? await presentPracticeSummaries(queue.filter((practice) => !isRecommended(practice))) : null,
      toPublish: can(actor, "listForPublishing", "Practice", null)
        ? await presentPracticeSummaries(queue.filter(isRecommended))
        : null,
    };
  });

  route(router, endpoints.knowledge.createPractice, async ({ actor, user, body, context }) => {
    authorize(actor, "create", "Practice", null);
    const input = body();
    const source = input.source ? await loadSource(actor, input.source) : null;
    const practice = await practiceCreator({ authorId: user._id, title: input.title, source, context });
    return { practice: await presentPractice(practice, actor) };
  });

  route(router, endpoints.knowledge.practice, async ({ actor, params }) => {
    const practice = await loadPractice(actor, params.id, "read");
    return { practice: await presentPractice(practice, actor) };
  });

  route(router, endpoints.knowledge.updatePractice, async ({ actor, user, params, body, context }) => {
    const practice = await loadPractice(actor, params.id, "update");
    const input = body();
    const content = await preparePracticeContent(input, {
      uploaderIds: [practice.authorId, user._id],
      practiceId: practice._id,
    });
    const updated = await practiceEditor({
      practice,
      content,
      baseVersion: input.version,
      note: input.note,
      editorId: user._id,
      context,
    });
    return { practice: await presentPractice(updated, actor) };
  });

  route(router, endpoints.knowledge.deletePractice, async ({ actor, user, params, context }) => {
    const practice = await loadPractice(actor, params.id, "delete");
    await practiceDeleter({ practice, actorId: user._id, context });
  });

  route(router, endpoints.knowledge.submitPractice, async ({ actor, user, params, context }) => {
    const practice = await loadPractice(actor, params.id, "submit");
    const updated = await practiceSubmitter({ practice, actorId: user._id, context });
    return { practice: await presentPractice(updated, actor) };
  });

  route(router, endpoints.knowledge.startReview, async ({ actor, user, params, context }) => {
    const practice = await loadPractice(actor, params.id, "review");
    const updated = await practiceReviewStarter({ practice, reviewerId: user._id, context });
    return { practice: await presentPractice(updated, actor) };
  });

  route(router, endpoints.knowledge.reviewPractice, async ({ actor, user, params, body, context }) => {
    const practice = await loadPractice(actor, params.id, "review");
    const input = body();
    const { practice: updated } = await practiceReviewer({
      practice,
      reviewerId: user._id,
      verdict: input.verdict,
      opinion: input.opinion,
      context,
    });
    return { practice: await presentPractice(updated, actor) };
  });

  route(router, endpoints.knowledge.publishPractice, async ({ actor, user, params, body, context }) => {
    const practice = await loadPractice(actor, params.id, "publish");
    const { isPublic } = body();
    const updated = await practicePublisher({ practice, isPublic, actorId: user._id, context });
    return { practice: await presentPractice(updated, actor) };
  });

  route(router, endpoints.knowledge.unpublishPractice, async ({ actor, user, params, context }) => {
    const practice = await loadPractice(actor, params.id, "unpublish");
    const updated = await practiceUnpublisher({ practice, actorId: user._id, context });
    return { practice: await presentPractice(updated, actor) };
  });

  route(router, endpoints.knowledge.setPracticePublic, async ({ actor, user, params, body, context }) => {
    const practice = await loadPractice(actor, params.id, "setPublic");
    const { isPublic } = body();
    const updated = await practicePublicSetter({ practice, isPublic, actorId: user._id, context });
    return { practice: await presentPractice(updated, actor) };
  });

  route(router, endpoints.knowledge.practiceVersions, async ({ actor, params }): Promise<PracticeVersionsView> => {
    const practice = await loadPractice(actor, params.id, "readVersions");
    // A version above the practice's own is a save that never finished (see commands/practiceEditor.ts).
    const versions = (
      await PracticeVersion.find({ practiceId: practice._id }, { number: 1, editorId: 1, note: 1, at: 1 })
        .sort({ number: -1 })
        .lean()
    ).filter((version) => version.number <= practice.version);
    const editors = await loadAuthors(versions.map((version) => version.editorId));
    return {
      practiceId: practice._id.toString(),
      title: practice.title,
      versions: versions.map((version) => ({
        number: version.number,
        editor: editors.get(version.editorId.toString()) ?? UNKNOWN,
        note: version.note,
        at: version.at.toISOString(),
      })),
    };
  });

  route(router, endpoints.knowledge.practiceVersion, async ({ actor, params }): Promise<PracticeVersionView> => {
    const practice = await loadPractice(actor, params.id, "readVersions");
    const number = params.number;
    if (number > practice.version) throw notFound();
    const [version, previous] = await Promise.all([
      PracticeVersion.findOne({ practiceId: practice._id, number }).lean(),
      number > 1 ? PracticeVersion.findOne({ practiceId: practice._id, number: number - 1 }).lean() : null,
    ]);
    if (!version) throw notFound();
    const [fields, before, editors] = await Promise.all([
      versionFieldsOf(version),
      previous ? versionFieldsOf(previous) : Promise.resolve(null),
      loadAuthors([version.editorId]),
    ]);
    return {
      practiceId: practice._id.toString(),
      practiceTitle: practice.title,
      number: version.number,
      editor: editors.get(version.editorId.toString()) ?? UNKNOWN,
      note: version.note,
      at: version.at.toISOString(),
      fields,
      changes: changesBetween(before, fields),
    };
  });

  route(router, endpoints.knowledge.threadPractices, async ({ actor, params }): Promise<ThreadPracticesView> => {
    const thread = await Thread.findById(params.id, { groupId: 1 }).lean();
    if (!thread) throw notFound();
    authorize(actor, "read", "Thread", { groupId: thread.groupId ?? null });
    const practices = await Practice.find({ "source.threadId": thread._id }).sort({ createdAt: 1 }).limit(50).lean();
    return {
      practices: await presentPracticeSummaries(
        practices.filter((practice) => can(actor, "read", "Practice", practice)),
      ),
    };
  });

  return router;
}
