import { FREE_TAG_GROUP_SLUG } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { Analysis } from "../models/Analysis.js";
import { Practice } from "../models/Practice.js";
import { Tag } from "../models/Tag.js";
import { TagGroup } from "../models/TagGroup.js";
import { Thread } from "../models/Thread.js";
import { can, type Actor } from "../policies/index.js";
import { readableGroupFilter } from "./readableSpaces.js";

/** Filters built here from our own values (the models' typed filters do not accept anyOf's trusted $in). */
type Filter = Record<string, unknown>;

/**
 * What the viewer may see carrying a tag: threads of readable spaces (none for visitors), published practices and
 * analyses (only public ones for visitors). Mirrors the read policies for lists; tag pages, counts and the
 * visibility of free tags all use it.
 */
export function visibleTaggedFilters(
  actor: Actor | null,
): Record<"practices" | "analyses", Filter> & { threads: Filter | null } {
  const readable = readableGroupFilter(actor);
  const published: Filter = actor ? { status: "published" } : { status: "published", isPublic: true };
  return {
    threads: readable === null ? null : { ...readable, mergedIntoId: null },
    practices: published,
    analyses: published,
  };
}

/** The slugs of the free tags ("Wolne tagi"): by the tag group's unique slug, then its tags by `tagGroupId`. */
export async function freeTagSlugs(): Promise<Set<string>> {
  const group = await TagGroup.findOne({ slug: FREE_TAG_GROUP_SLUG }, { _id: 1 }).lean();
  if (!group) return new Set();
  return new Set((await Tag.find({ tagGroupId: group._id }, { slug: 1 }).lean()).map((tag) => tag.slug));
}

/**
 * A free tag is typed by a member in a group that allows them, so its name can tell what a private group talks
 * about. It is shown only to people who may read a thread or document carrying it (and to the moderators who manage
 * the taxonomy); taxonomy tags are everyone's. Returns the free tags among `slugs` the actor may not see.
 *
 * Index-friendly: each query is an equality-set (`$in`) on `tags`, which the `{ tags: 1, … }` multikey indexes of
 * threads, practices and analyses answer, narrowed to the few free tags asked about.
 */
export async function hiddenFreeTags(actor: Actor | null, slugs: Iterable<string>): Promise<Set<string>> {
  const asked = [...new Set(slugs)];
  if (asked.length === 0 || can(actor, "manage", "Tag", null)) return new Set();
  const allFree = await freeTagSlugs();
  const free = asked.filter((slug) => allFree.has(slug));
  if (free.length === 0) return new Set();
  const filters = visibleTaggedFilters(actor);
  const carrying = { tags: anyOf(free) };
  const [threads, practices, analyses] = await Promise.all([
    filters.threads === null ? [] : Thread.distinct("tags", { ...filters.threads, ...carrying } as Filter),
    Practice.distinct("tags", { ...filters.practices, ...carrying } as Filter),
    Analysis.distinct("tags", { ...filters.analyses, ...carrying } as Filter),
  ]);
  const seen = new Set<string>([...threads, ...practices, ...analyses].map(String));
  return new Set(free.filter((slug) => !seen.has(slug)));
}

/** Whether the actor may see this tag's name (and so its page): always for taxonomy tags. */
export async function maySeeTag(actor: Actor | null, slug: string): Promise<boolean> {
  return !(await hiddenFreeTags(actor, [slug])).has(slug);
}
