import { Router, type Request } from "express";
import { diffWords } from "diff";
import type {
  PracticeFieldChange,
  PracticeListsView,
  PracticeVersionView,
  PracticeVersionsView,
  ThreadPracticesView,
} from "@forum/shared";
import {
  createPracticeSchema,
  practicePublicSchema,
  practicePublishSchema,
  practiceReviewSchema,
  updatePracticeSchema,
} from "@forum/shared";
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
import { forbidden, notFound, unauthorized } from "../errors/AppError.js";
import { parseInput, parseObjectId } from "../http/validation.js";
import { Post } from "../models/Post.js";
import { Practice, type PracticeDocument } from "../models/Practice.js";
import { PracticeReview } from "../models/PracticeReview.js";
import { PracticeVersion, type PracticeVersionDocument } from "../models/PracticeVersion.js";
import { Thread } from "../models/Thread.js";
import { authorize, can } from "../policies/index.js";
import { isStaff, readsAllGroups } from "../policies/actor.js";
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
async function loadPractice(req: Request, action: string): Promise<PracticeDocument> {
  const practice = await Practice.findById(parseObjectId(req.params.id)).lean();
  if (!practice || !can(req.actor, "read", "Practice", practice)) throw notFound();
  authorize(req.actor, action, "Practice", practice);
  return practice;
}

function signedIn(req: Request) {
  if (!req.actor || !req.user) throw unauthorized();
  return { actor: req.actor, userId: req.user._id };
}

/** The thread (and post) a practice is written from; the first post when only the thread is named. */
async function loadSource(req: Request, source: { threadId: string; postId: string | null }) {
  const thread = await Thread.findById(parseObjectId(source.threadId)).lean();
  if (!thread || !can(req.actor, "read", "Thread", { groupId: thread.groupId ?? null })) throw notFound();
  const post = source.postId
    ? await Post.findOne({ _id: parseObjectId(source.postId), threadId: thread._id, deletedAt: null }).lean()
    : await Post.findOne({ threadId: thread._id, deletedAt: null }).sort({ number: 1 }).lean();
  if (!post || post.hiddenAt) throw notFound();
  // A thread is its starter's; a single post its writer's.
  const authorId = source.postId ? post.authorId : thread.authorId;
  if (!can(req.actor, "createFromSource", "Practice", { authorId, groupId: thread.groupId ?? null })) {
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

  router.get("/practices", async (req, res) => {
    const { actor, userId } = signedIn(req);
    const mine = await Practice.find({ authorId: userId }).sort({ updatedAt: -1 }).limit(LIST_LIMIT).lean();
    const reviews = readsAllGroups(actor);
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
    const body: PracticeListsView = {
      mine: await presentPracticeSummaries(mine),
      toReview: reviews ? await presentPracticeSummaries(queue.filter((practice) => !isRecommended(practice))) : null,
      toPublish: isStaff(actor) ? await presentPracticeSummaries(queue.filter(isRecommended)) : null,
    };
    res.json(body);
  });

  router.post("/practices", async (req, res) => {
    const { userId } = signedIn(req);
    authorize(req.actor, "create", "Practice", null);
    const input = parseInput(createPracticeSchema, req.body);
    const source = input.source ? await loadSource(req, input.source) : null;
    const practice = await practiceCreator({ authorId: userId, title: input.title, source, context: req.context });
    res.status(201).json({ practice: await presentPractice(practice, req.actor ?? null) });
  });

  router.get("/practices/:id", async (req, res) => {
    const practice = await loadPractice(req, "read");
    res.json({ practice: await presentPractice(practice, req.actor ?? null) });
  });

  router.put("/practices/:id", async (req, res) => {
    const { userId } = signedIn(req);
    const practice = await loadPractice(req, "update");
    const input = parseInput(updatePracticeSchema, req.body);
    const content = await preparePracticeContent(input, {
      uploaderIds: [practice.authorId, userId],
      practiceId: practice._id,
    });
    const updated = await practiceEditor({
      practice,
      content,
      baseVersion: input.version,
      note: input.note,
      editorId: userId,
      context: req.context,
    });
    res.json({ practice: await presentPractice(updated, req.actor ?? null) });
  });

  router.delete("/practices/:id", async (req, res) => {
    const { userId } = signedIn(req);
    const practice = await loadPractice(req, "delete");
    await practiceDeleter({ practice, actorId: userId, context: req.context });
    res.status(204).end();
  });

  router.post("/practices/:id/submit", async (req, res) => {
    const { userId } = signedIn(req);
    const practice = await loadPractice(req, "submit");
    const updated = await practiceSubmitter({ practice, actorId: userId, context: req.context });
    res.json({ practice: await presentPractice(updated, req.actor ?? null) });
  });

  router.post("/practices/:id/start-review", async (req, res) => {
    const { userId } = signedIn(req);
    const practice = await loadPractice(req, "review");
    const updated = await practiceReviewStarter({ practice, reviewerId: userId, context: req.context });
    res.json({ practice: await presentPractice(updated, req.actor ?? null) });
  });

  router.post("/practices/:id/reviews", async (req, res) => {
    const { userId } = signedIn(req);
    const practice = await loadPractice(req, "review");
    const input = parseInput(practiceReviewSchema, req.body);
    const { practice: updated } = await practiceReviewer({
      practice,
      reviewerId: userId,
      verdict: input.verdict,
      opinion: input.opinion,
      context: req.context,
    });
    res.status(201).json({ practice: await presentPractice(updated, req.actor ?? null) });
  });

  router.post("/practices/:id/publish", async (req, res) => {
    const { userId } = signedIn(req);
    const practice = await loadPractice(req, "publish");
    const { isPublic } = parseInput(practicePublishSchema, req.body ?? {});
    const updated = await practicePublisher({ practice, isPublic, actorId: userId, context: req.context });
    res.json({ practice: await presentPractice(updated, req.actor ?? null) });
  });

  router.post("/practices/:id/unpublish", async (req, res) => {
    const { userId } = signedIn(req);
    const practice = await loadPractice(req, "unpublish");
    const updated = await practiceUnpublisher({ practice, actorId: userId, context: req.context });
    res.json({ practice: await presentPractice(updated, req.actor ?? null) });
  });

  router.put("/practices/:id/public", async (req, res) => {
    const { userId } = signedIn(req);
    const practice = await loadPractice(req, "setPublic");
    const { isPublic } = parseInput(practicePublicSchema, req.body);
    const updated = await practicePublicSetter({ practice, isPublic, actorId: userId, context: req.context });
    res.json({ practice: await presentPractice(updated, req.actor ?? null) });
  });

  router.get("/practices/:id/versions", async (req, res) => {
    const practice = await loadPractice(req, "readVersions");
    // A version above the practice's own is a save that never finished (see commands/practiceEditor.ts).
    const versions = (
      await PracticeVersion.find({ practiceId: practice._id }, { number: 1, editorId: 1, note: 1, at: 1 })
        .sort({ number: -1 })
        .lean()
    ).filter((version) => version.number <= practice.version);
    const editors = await loadAuthors(versions.map((version) => version.editorId));
    const body: PracticeVersionsView = {
      practiceId: practice._id.toString(),
      title: practice.title,
      versions: versions.map((version) => ({
        number: version.number,
        editor: editors.get(version.editorId.toString()) ?? UNKNOWN,
        note: version.note,
        at: version.at.toISOString(),
      })),
    };
    res.json(body);
  });

  router.get("/practices/:id/versions/:number", async (req, res) => {
    const practice = await loadPractice(req, "readVersions");
    const number = Number(req.params.number);
    if (!Number.isInteger(number) || number < 1 || number > practice.version) throw notFound();
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
    const body: PracticeVersionView = {
      practiceId: practice._id.toString(),
      practiceTitle: practice.title,
      number: version.number,
      editor: editors.get(version.editorId.toString()) ?? UNKNOWN,
      note: version.note,
      at: version.at.toISOString(),
      fields,
      changes: changesBetween(before, fields),
    };
    res.json(body);
  });

  router.get("/threads/:id/practices", async (req, res) => {
    const thread = await Thread.findById(parseObjectId(req.params.id), { groupId: 1 }).lean();
    if (!thread) throw notFound();
    authorize(req.actor, "read", "Thread", { groupId: thread.groupId ?? null });
    const practices = await Practice.find({ "source.threadId": thread._id }).sort({ createdAt: 1 }).limit(50).lean();
    const body: ThreadPracticesView = {
      practices: await presentPracticeSummaries(
        practices.filter((practice) => can(req.actor, "read", "Practice", practice)),
      ),
    };
    res.json(body);
  });

  return router;
}
