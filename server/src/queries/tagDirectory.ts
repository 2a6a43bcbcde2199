import { FREE_TAG_GROUP_SLUG, type TagGroupView, type TagView } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { badRequest } from "../errors/AppError.js";
import { Tag, type TagDocument } from "../models/Tag.js";
import { TagGroup } from "../models/TagGroup.js";
import type { Actor } from "../policies/index.js";
import { hiddenFreeTags, maySeeTag } from "./freeTagVisibility.js";

/** Refuses tag slugs that are not in the taxonomy, naming them. */
export async function assertKnownTags(slugs: string[]): Promise<void> {
  if (slugs.length === 0) return;
  const known = new Set(await Tag.distinct("slug", { slug: anyOf(slugs) }));
  const unknown = slugs.filter((slug) => !known.has(slug));
  if (unknown.length > 0) {
    throw badRequest(`Nieznane tagi: ${unknown.join(", ")}.`, { tags: "Wybierz tagi z listy." });
  }
}

/** Tag slugs → tags as shown, in the taxonomy's order; unknown slugs (removed tags) are skipped. */
export async function loadTags(slugs: string[]): Promise<Map<string, TagView>> {
  if (slugs.length === 0) return new Map();
  const tags = await Tag.find({ slug: anyOf([...new Set(slugs)]) }).lean();
  return new Map(tags.map((tag) => [tag.slug, { slug: tag.slug, name: tag.name }]));
}

/**
 * The taxonomy, grouped, for pickers and the library's filters: every tag of it, and of the free tags only those
 * the actor may see (see hiddenFreeTags); "Wolne tagi" itself is left out when none of them is.
 */
export async function loadTaxonomy(actor: Actor | null): Promise<TagGroupView[]> {
  const [groups, tags] = await Promise.all([
    TagGroup.find().sort({ position: 1 }).lean(),
    Tag.find().sort({ position: 1 }).lean(),
  ]);
  const hidden = await hiddenFreeTags(
    actor,
    tags.map((tag) => tag.slug),
  );
  return groups.flatMap((group) => {
    const shown = tags.filter((tag) => tag.tagGroupId.equals(group._id) && !hidden.has(tag.slug));
    if (shown.length === 0 && group.slug === FREE_TAG_GROUP_SLUG && hidden.size > 0) return [];
    return [
      {
        slug: group.slug,
        name: group.name,
        description: group.description,
        tags: shown.map((tag) => ({ slug: tag.slug, name: tag.name })),
      },
    ];
  });
}

/** The tag with this slug, if there is one the actor may see (a hidden free tag is as unknown as a missing one). */
export async function findVisibleTag(slug: string, actor: Actor | null): Promise<TagDocument | null> {
  const tag = await Tag.findOne({ slug }).lean();
  return tag && (await maySeeTag(actor, tag.slug)) ? tag : null;
}

export const tagsOf = (slugs: readonly string[], known: Map<string, TagView>): TagView[] =>
  slugs.flatMap((slug) => {
    const tag = known.get(slug);
    return tag ? [tag] : [];
  });
