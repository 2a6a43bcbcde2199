import mongoose from "mongoose";
import { anyOf } from "../db/anyOf.js";
import { Analysis } from "../models/Analysis.js";
import { Post } from "../models/Post.js";
import { Practice } from "../models/Practice.js";
import { Tag } from "../models/Tag.js";
import { TagFollow } from "../models/TagFollow.js";
import { Thread } from "../models/Thread.js";
import type { PublishedEvent } from "../events/forumEvent.js";
import { peopleAllowedByRole } from "../queries/actors.js";
import { watchersOf } from "../queries/watchLevels.js";
import {
  listenersOf,
  objectIds,
  type Audience,
  type EventFacts,
  type Listener,
  type NotificationRule,
  type NotificationTopic,
} from "./notificationRule.js";

type Id = mongoose.Types.ObjectId;

/** The thread of a post event and the post, or nothing when either is gone. */
async function postTopic(
  facts: EventFacts,
): Promise<{ topic: NotificationTopic; authorId: Id; number: number } | null> {
  const [post, thread] = await Promise.all([facts.post(), facts.thread()]);
  if (!post || !thread) return null;
  return { topic: { kind: "thread", thread, postId: post._id }, authorId: post.authorId, number: post.number };
}

const authorsOfPosts = async (postIds: string[]): Promise<Id[]> =>
  postIds.length
    ? (await Post.find({ _id: anyOf(postIds) }, { authorId: 1 }).lean()).map((quoted) => quoted.authorId)
    : [];

type PostFound = NonNullable<Awaited<ReturnType<typeof postTopic>>>;

/** Who hears of the event's post (chosen once the post and its thread are known), about that post. */
async function aboutThePost(
  facts: EventFacts,
  listeners: (found: PostFound) => Listener[] | Promise<Listener[]>,
  reaction: string | null = null,
): Promise<Audience | null> {
  const found = await postTopic(facts);
  return found && { topic: found.topic, listeners: await listeners(found), reaction };
}

/** A moderator's notice about one post of the event's thread (not necessarily the event's subject). */
async function postNotice(
  facts: EventFacts,
  postId: string | Id,
  listeners: Listener[],
  message: string,
): Promise<Audience | null> {
  const thread = await facts.thread();
  return thread && { topic: { kind: "thread", thread, postId: objectIds([postId])[0] ?? null }, listeners, message };
}

// Rules, strongest first: when one event gives a person several reasons, the first rule here wins.

/** An author hears when someone else (a moderator) edited or deleted their post; muting does not silence it. */
const moderationRule: NotificationRule = {
  kind: "moderation",
  mutable: false,
  on: {
    "posts.edit": (event, facts) => aboutThePost(facts, (post) => byOtherThanAuthor(event, post)),
    "posts.delete": (event, facts) => aboutThePost(facts, (post) => byOtherThanAuthor(event, post)),
  },
};

const byOtherThanAuthor = (event: PublishedEvent, post: PostFound): Listener[] =>
  event.actorId?.toString() === post.authorId.toString() ? [] : [{ userId: post.authorId }];

/** The author of a hidden post, with the reason. */
const postHiddenRule: NotificationRule = {
  kind: "post_hidden",
  mutable: false,
  on: {
    "posts.hide": (event, facts) =>
      postNotice(facts, event.subjectId, listenersOf([event.data.authorId]), event.data.reason),
  },
};

/** The people who flagged a post, with the moderator's decision (agree, disagree, ignore). */
const flagOutcomeRule: NotificationRule = {
  kind: "flag_outcome",
  mutable: false,
  on: {
    "flags.resolve": (event, facts) =>
      postNotice(facts, event.subjectId, listenersOf(event.data.flaggerIds), event.data.resolution),
  },
};

/** A moderator's private message to a post's author. */
const moderatorMessageRule: NotificationRule = {
  kind: "moderator_message",
  mutable: false,
  on: {
    "users.message": (event, facts) =>
      postNotice(facts, event.data.postId, [{ userId: event.subjectId }], event.data.text),
  },
};

/** People mentioned in a new post, or newly mentioned by an edit. */
const mentionRule: NotificationRule = {
  kind: "mention",
  mutable: true,
  on: {
    "posts.create": (event, facts) => aboutThePost(facts, () => listenersOf(event.data.mentionedUserIds)),
    "posts.edit": (event, facts) => aboutThePost(facts, () => listenersOf(event.data.newMentionIds)),
  },
};

/** Authors of the posts a new post (or an edit, newly) quotes. */
const quoteRule: NotificationRule = {
  kind: "quote",
  mutable: true,
  on: {
    "posts.create": (event, facts) =>
      aboutThePost(facts, async () => listenersOf(await authorsOfPosts(event.data.quotedPostIds))),
    "posts.edit": (event, facts) =>
      aboutThePost(facts, async () => listenersOf(await authorsOfPosts(event.data.newQuotedPostIds))),
  },
};

/** Watchers of a thread's category hear of a new thread (its first post). */
const newThreadRule: NotificationRule = {
  kind: "new_thread",
  mutable: true,
  on: { "posts.create": (_event, facts) => aboutThePost(facts, (post) => watchersHear(facts, post, true)) },
};

/** Watchers of a thread (or its category) hear of every reply. */
const replyRule: NotificationRule = {
  kind: "reply",
  mutable: true,
  on: { "posts.create": (_event, facts) => aboutThePost(facts, (post) => watchersHear(facts, post, false)) },
};

async function watchersHear(facts: EventFacts, post: PostFound, opening: boolean): Promise<Listener[]> {
  const thread = await facts.thread();
  if (!thread || (post.number === 1) !== opening) return [];
  return listenersOf(await watchersOf(thread));
}

/** A post's author hears of reactions to it (collapsed into one unread notification per post). */
const reactionRule: NotificationRule = {
  kind: "reaction",
  mutable: true,
  on: {
    "posts.react": (event, facts) => aboutThePost(facts, (post) => [{ userId: post.authorId }], event.data.kind),
  },
};

/** Those who may review a submitted practice (experts, moderators) are asked to. */
const practiceReviewRequestRule: NotificationRule = {
  kind: "practice_review_request",
  mutable: false,
  on: {
    "practices.submit": async (event) => {
      const document = practiceOf(event.data);
      const reviewers = await peopleAllowedByRole("review", "Practice", document);
      return { topic: { kind: "practice", id: event.subjectId, document }, listeners: listenersOf(reviewers) };
    },
  },
};

/** What the author is told (`practice_status`), completing "Pani/Pana dobra praktyka „…”: …". */
const practiceStatus =
  (message: string) =>
  async (
    event: PublishedEvent<
      "practices.startReview" | "practices.return" | "practices.review" | "practices.publish" | "practices.unpublish"
    >,
  ): Promise<Audience> => ({
    topic: { kind: "practice", id: event.subjectId, document: practiceOf(event.data) },
    listeners: listenersOf([event.data.authorId]),
    message,
  });

/** A practice's author hears of its review, return, publication or withdrawal. */
const practiceStatusRule: NotificationRule = {
  kind: "practice_status",
  mutable: false,
  on: {
    "practices.startReview": practiceStatus("została przyjęta do recenzji przez eksperta"),
    "practices.return": practiceStatus("została zwrócona do poprawy z uwagami eksperta"),
    "practices.review": practiceStatus("otrzymała pozytywną opinię eksperta i czeka na publikację"),
    "practices.publish": practiceStatus("została opublikowana w bibliotece"),
    "practices.unpublish": practiceStatus("została wycofana z biblioteki przez moderację"),
  },
};

/** The practice as the policies judge it, from what every practice event carries. */
const practiceOf = (facts: { authorId: string; status: PracticeStatusValue; isPublic: boolean }) => ({
  authorId: new mongoose.Types.ObjectId(facts.authorId),
  status: facts.status,
  isPublic: facts.isPublic,
});
type PracticeStatusValue = PublishedEvent<"practices.submit">["data"]["status"];

/** An analysis's author hears of a comment on one of its sections (the section's heading). */
const analysisCommentRule: NotificationRule = {
  kind: "analysis_comment",
  mutable: false,
  on: {
    "analysisComments.create": async (event) => {
      const analysis = await Analysis.findById(event.data.analysisId, { authorId: 1, status: 1, isPublic: 1 }).lean();
      if (!analysis) return null;
      return {
        topic: { kind: "analysis", id: analysis._id, document: analysis },
        listeners: listenersOf([event.data.analysisAuthorId]),
        message: event.data.heading,
      };
    },
  },
};

/**
 * Followers of a tag hear of a new thread with it, or a practice or analysis published with it: once per person,
 * naming the first of the document's tags they follow; never its author.
 */
const followedTagRule: NotificationRule = {
  kind: "followed_tag",
  mutable: false,
  on: {
    "threads.create": async (event) => {
      const thread = await Thread.findById(event.subjectId, { ...TAGGED, groupId: 1, categoryId: 1, title: 1 }).lean();
      return thread && followersOf({ kind: "thread", thread, postId: null }, thread);
    },
    "practices.publish": async (event) => {
      const practice = await Practice.findById(event.subjectId, { ...TAGGED, status: 1, isPublic: 1 }).lean();
      return practice && followersOf({ kind: "practice", id: practice._id, document: practice }, practice);
    },
    "analyses.publish": async (event) => {
      const analysis = await Analysis.findById(event.subjectId, { ...TAGGED, status: 1, isPublic: 1 }).lean();
      return analysis && followersOf({ kind: "analysis", id: analysis._id, document: analysis }, analysis);
    },
  },
};

/** What a tagged thread, practice or analysis is read for: its tags and who wrote it. */
const TAGGED = { tags: 1, authorId: 1 } as const;

async function followersOf(topic: NotificationTopic, tagged: { tags: string[]; authorId: Id }): Promise<Audience> {
  if (tagged.tags.length === 0) return { topic, listeners: [] };
  const follows = await TagFollow.find({ tagSlug: anyOf(tagged.tags) }, { userId: 1, tagSlug: 1 }).lean();
  const names = new Map(
    (await Tag.find({ slug: anyOf(tagged.tags) }, { slug: 1, name: 1 }).lean()).map((tag) => [tag.slug, tag.name]),
  );
  const firstTag = new Map<string, { userId: Id; message: string }>();
  // In the document's own tag order, so the notification names its first tag the person follows.
  for (const slug of tagged.tags) {
    for (const follow of follows) {
      const key = follow.userId.toString();
      if (follow.tagSlug === slug && !follow.userId.equals(tagged.authorId) && !firstTag.has(key))
        firstTag.set(key, { userId: follow.userId, message: names.get(slug) ?? slug });
    }
  }
  return { topic, listeners: [...firstTag.values()] };
}

/** Every kind of notification, strongest first (one event, one notification per person: the first rule's). */
export const NOTIFICATION_RULES: readonly NotificationRule[] = [
  moderationRule,
  postHiddenRule,
  flagOutcomeRule,
  moderatorMessageRule,
  mentionRule,
  quoteRule,
  newThreadRule,
  replyRule,
  reactionRule,
  practiceReviewRequestRule,
  practiceStatusRule,
  analysisCommentRule,
  followedTagRule,
];

export { followedTagRule };
