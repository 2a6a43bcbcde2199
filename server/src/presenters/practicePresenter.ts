import type mongoose from "mongoose";
import type { AuthorSummary, PracticeAbilities, PracticeView } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { Attachment } from "../models/Attachment.js";
import { Group } from "../models/Group.js";
import type { PracticeDocument } from "../models/Practice.js";
import { PracticeReview } from "../models/PracticeReview.js";
import { Thread } from "../models/Thread.js";
import { can, type Actor } from "../policies/index.js";
import { loadAuthors } from "../queries/authorDirectory.js";
import { jstsByIds } from "../queries/jstCatalogue.js";
import { loadTags, tagsOf } from "../queries/tagDirectory.js";
import { presentAttachment } from "./attachmentPresenter.js";
import { presentJst } from "./jstPresenter.js";

const UNKNOWN: AuthorSummary = { id: "", name: "", jstName: null };
const ACTIONS = ["update", "submit", "review", "publish", "unpublish", "setPublic", "delete"] as const;

export function practiceAbilities(actor: Actor | null, practice: PracticeDocument): PracticeAbilities {
  return Object.fromEntries(ACTIONS.map((action) => [action, can(actor, action, "Practice", practice)])) as Record<
    (typeof ACTIONS)[number],
    boolean
  >;
}

/**
 * The author, experts and staff read every opinion (the incubator's working notes); once the practice is published,
 * everyone else sees the recommending ones as "Opinia eksperta".
 */
function seesAllReviews(actor: Actor | null, practice: PracticeDocument): boolean {
  return can(actor, "readAllReviews", "Practice", practice);
}

async function sourceOf(actor: Actor | null, practice: PracticeDocument) {
  const threadId = practice.source?.threadId;
  if (!threadId) return null;
  const thread = await Thread.findById(threadId, { title: 1, groupId: 1 }).lean();
  if (!thread || !can(actor, "read", "Thread", { groupId: thread.groupId ?? null })) return null;
  return {
    threadId: thread._id.toString(),
    postId: practice.source?.postId?.toString() ?? null,
    threadTitle: thread.title,
  };
}

export async function presentPractice(practice: PracticeDocument, actor: Actor | null): Promise<PracticeView> {
  const allReviews = seesAllReviews(actor, practice);
  const reviewFilter = allReviews
    ? { practiceId: practice._id }
    : { practiceId: practice._id, verdict: "recommend" as const };
  const [reviews, attachments, jsts, tags, group, source] = await Promise.all([
    allReviews || practice.status === "published"
      ? PracticeReview.find(reviewFilter).sort({ createdAt: 1 }).lean()
      : Promise.resolve([]),
    practice.attachmentIds.length
      ? Attachment.find({ _id: anyOf(practice.attachmentIds), removedAt: null }).lean()
      : Promise.resolve([]),
    jstsByIds(practice.jstIds),
    loadTags(practice.tags),
    practice.groupId ? Group.findById(practice.groupId, { slug: 1, name: 1 }).lean() : Promise.resolve(null),
    sourceOf(actor, practice),
  ]);
  const people: mongoose.Types.ObjectId[] = [practice.authorId, ...reviews.map((review) => review.reviewerId)];
  if (practice.reviewerId) people.push(practice.reviewerId);
  const authors = await loadAuthors(people);
  const person = (id: mongoose.Types.ObjectId) => authors.get(id.toString()) ?? UNKNOWN;
  const text = (part: { markdown?: string; html?: string } | null | undefined) => ({
    markdown: part?.markdown ?? "",
    html: part?.html ?? "",
  });
  return {
    id: practice._id.toString(),
    title: practice.title,
    summary: practice.summary,
    context: text(practice.context),
    actions: text(practice.actions),
    results: text(practice.results),
    costs: text(practice.costs),
    fundingSources: practice.fundingSources,
    timeFrame: practice.timeFrame,
    contact: {
      name: practice.contact?.name ?? "",
      email: practice.contact?.email ?? "",
      phone: practice.contact?.phone ?? "",
    },
    jsts: practice.jstIds.flatMap((id) => {
      const jst = jsts.get(id.toString());
      return jst ? [presentJst(jst)] : [];
    }),
    tags: tagsOf(practice.tags, tags),
    attachments: practice.attachmentIds.flatMap((id) => {
      const attachment = attachments.find((candidate) => candidate._id.equals(id));
      return attachment ? [presentAttachment(attachment)] : [];
    }),
    group: group ? { slug: group.slug, name: group.name } : null,
    author: person(practice.authorId),
    status: practice.status,
    isPublic: practice.isPublic,
    version: practice.version,
    source,
    reviewer: practice.reviewerId ? person(practice.reviewerId) : null,
    reviews: reviews.map((review) => ({
      id: review._id.toString(),
      reviewer: person(review.reviewerId),
      verdict: review.verdict,
      html: review.opinion?.html ?? "",
      version: review.version,
      createdAt: review.createdAt.toISOString(),
    })),
    submittedAt: practice.submittedAt ? practice.submittedAt.toISOString() : null,
    publishedAt: practice.publishedAt ? practice.publishedAt.toISOString() : null,
    createdAt: practice.createdAt.toISOString(),
    updatedAt: practice.updatedAt.toISOString(),
    abilities: practiceAbilities(actor, practice),
  };
}
