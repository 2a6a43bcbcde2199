import type mongoose from "mongoose";
import type { FlaggedPostView, FlagQueue, FlagStatus, FlagView } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { notEqual } from "../db/comparisons.js";
import { Flag, type FlagDocument } from "../models/Flag.js";
import { Post } from "../models/Post.js";
import { Thread } from "../models/Thread.js";
import { User } from "../models/User.js";

/** The queue shows this many flags at most (the oldest first); the total counts them all. */
const QUEUE_LIMIT = 300;
const EXCERPT_LENGTH = 280;

/** The markdown as plain-ish text, cut at a word: enough to judge without opening the thread. */
function excerptOf(body: string): string {
  const plain = body
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`~]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (plain.length <= EXCERPT_LENGTH) return plain;
  const cut = plain.slice(0, EXCERPT_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), EXCERPT_LENGTH - 40))}…`;
}

const nameOf = (names: Map<string, string>, id: mongoose.Types.ObjectId) => ({
  id: id.toString(),
  name: names.get(id.toString()) ?? "Nieznana osoba",
});

/** Flags of one status grouped per post, with what a moderator needs to decide. */
export async function loadFlagQueue(status: FlagStatus): Promise<FlagQueue> {
  const [flags, total] = await Promise.all([
    Flag.find({ status })
      .sort({ createdAt: status === "pending" ? 1 : -1 })
      .limit(QUEUE_LIMIT)
      .lean(),
    Flag.countDocuments({ status }),
  ]);
  const byPost = new Map<string, FlagDocument[]>();
  for (const flag of flags) byPost.set(flag.postId.toString(), [...(byPost.get(flag.postId.toString()) ?? []), flag]);

  const posts = await Post.find({ _id: anyOf([...byPost.keys()]) }).lean();
  const authorIds = [...new Set(posts.map((post) => post.authorId.toString()))];
  const peopleIds = new Set([
    ...authorIds,
    ...flags.flatMap((flag) => [
      flag.flaggerId.toString(),
      ...(flag.resolvedById ? [flag.resolvedById.toString()] : []),
    ]),
  ]);
  const [threads, people] = await Promise.all([
    Thread.find({ _id: anyOf(posts.map((post) => post.threadId)) }, { title: 1 }).lean(),
    User.find({ _id: anyOf([...peopleIds]) }, { name: 1, createdAt: 1 }).lean(),
  ]);
  const titles = new Map(threads.map((thread) => [thread._id.toString(), thread.title]));
  const names = new Map(people.map((person) => [person._id.toString(), person.name]));
  const joined = new Map(people.map((person) => [person._id.toString(), person.createdAt]));
  // A handful of authors per page: two counts each keep the queries simple and indexed.
  const history = new Map(
    await Promise.all(
      authorIds.map(
        async (authorId) =>
          [
            authorId,
            await Promise.all([
              Flag.countDocuments({ postAuthorId: authorId, status: "agreed" }),
              Post.countDocuments({ authorId, hiddenAt: notEqual(null) }),
            ]),
          ] as const,
      ),
    ),
  );

  const items: FlaggedPostView[] = posts.map((post) => {
    const authorId = post.authorId.toString();
    const [agreedFlags, hiddenPosts] = history.get(authorId) ?? [0, 0];
    return {
      post: {
        id: post._id.toString(),
        number: post.number,
        excerpt: excerptOf(post.body),
        createdAt: post.createdAt.toISOString(),
        hidden: post.hiddenAt ? { reason: post.hiddenReason ?? "", auto: Boolean(post.hiddenAuto) } : null,
        deleted: Boolean(post.deletedAt),
      },
      thread: { id: post.threadId.toString(), title: titles.get(post.threadId.toString()) ?? "" },
      author: {
        id: authorId,
        name: names.get(authorId) ?? "Nieznana osoba",
        memberSince: (joined.get(authorId) ?? post.createdAt).toISOString(),
        agreedFlags,
        hiddenPosts,
      },
      flags: (byPost.get(post._id.toString()) ?? []).map((flag): FlagView => ({
        id: flag._id.toString(),
        reason: flag.reason as FlagView["reason"],
        text: flag.text ?? "",
        status: flag.status as FlagStatus,
        flagger: nameOf(names, flag.flaggerId),
        createdAt: flag.createdAt.toISOString(),
        resolvedBy: flag.resolvedById ? nameOf(names, flag.resolvedById) : null,
        resolvedAt: flag.resolvedAt ? flag.resolvedAt.toISOString() : null,
        resolutionNote: flag.resolutionNote ?? "",
      })),
    };
  });
  // The post flagged first waits longest: it comes first.
  const firstFlag = (item: FlaggedPostView) => item.flags[0]?.createdAt ?? "";
  items.sort((a, b) => firstFlag(a).localeCompare(firstFlag(b)) * (status === "pending" ? 1 : -1));
  return { items, total };
}
