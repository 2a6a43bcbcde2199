import { JSDOM } from "jsdom";
import type mongoose from "mongoose";
import { Practice, type PracticeDocument } from "../models/Practice.js";
import { PracticeVersion } from "../models/PracticeVersion.js";
import type { PostDocument } from "../models/Post.js";
import type { ThreadDocument } from "../models/Thread.js";
import { User } from "../models/User.js";
import { jstById } from "../queries/jstCatalogue.js";
import { renderMarkdown } from "../infra/markdown.js";
import { versionFields } from "./support/practiceContent.js";
import { practiceFacts, practiceSubject } from "./support/practiceEvent.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

const SUMMARY_PREFILL_MAX = 300;

export interface PracticeCreatorProps {
  authorId: mongoose.Types.ObjectId;
  /** May be empty when a source is given: the thread's title is used. */
  title: string;
  /** The thread (and the post in it) the practice is written from, already authorized. */
  source: { thread: ThreadDocument; post: PostDocument } | null;
  context?: RequestContext;
}

/** The first words of a post as plain text, cut at a word boundary. */
/**
 * The summary a draft starts with: the post's first sentences (at most two, within SUMMARY_PREFILL_MAX), never
 * the whole post when it has more, since the whole post already becomes the context; the author then shortens
 * or rewrites either. A first sentence longer than the limit is cut at a word.
 */
function summaryOf(markdown: string): string {
  const text = (JSDOM.fragment(renderMarkdown(markdown)).textContent ?? "").replace(/\s+/g, " ").trim();
  const sentences = text.split(/(?<=[.!?…])\s+(?=[\p{Lu}\d„"(])/u);
  let summary = "";
  for (const [index, sentence] of sentences.entries()) {
    const next = summary ? `${summary} ${sentence}` : sentence;
    const wouldBeWhole = index === sentences.length - 1 && sentences.length > 1;
    if (index >= 2 || (summary && (next.length > SUMMARY_PREFILL_MAX || wouldBeWhole))) break;
    summary = next;
  }
  if (summary.length <= SUMMARY_PREFILL_MAX) return summary;
  const cut = summary.slice(0, SUMMARY_PREFILL_MAX);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : cut.length)}…`;
}

/**
 * Starts a practice draft: from scratch (a title) or from a thread or post, whose words become the summary and the
 * context, keeping the link both ways. The author's own JST is proposed as the one that carried it out.
 */
export async function practiceCreator(props: PracticeCreatorProps): Promise<PracticeDocument> {
  const author = await User.findById(props.authorId, { jstId: 1 }).lean();
  const jst = author?.jstId ? await jstById(author.jstId) : null;
  const body = props.source?.post.body ?? "";
  const created = await Practice.create({
    title: props.title || props.source?.thread.title || "",
    summary: body ? summaryOf(body) : "",
    context: { markdown: body, html: body ? renderMarkdown(body) : "" },
    jstIds: jst ? [jst._id] : [],
    voivodeshipCodes: jst ? [jst.voivodeshipCode] : [],
    jstTypes: jst ? [jst.type] : [],
    tags: props.source?.thread.tags ?? [],
    groupId: props.source?.thread.groupId ?? null,
    authorId: props.authorId,
    status: "draft",
    version: 1,
    source: { threadId: props.source?.thread._id ?? null, postId: props.source?.post._id ?? null },
  });
  const practice = created.toObject() as PracticeDocument;
  await PracticeVersion.create({
    practiceId: practice._id,
    number: 1,
    ...versionFields(practice),
    editorId: props.authorId,
    note: props.source ? "Utworzono z wątku" : "Utworzono",
    at: practice.createdAt,
  });
  await recordEvent({
    name: "practices.create",
    actorId: props.authorId,
    ...practiceSubject(practice),
    data: {
      ...practiceFacts(practice),
      threadId: practice.source?.threadId?.toString() ?? null,
      postId: practice.source?.postId?.toString() ?? null,
    },
    context: props.context,
  });
  return practice;
}
