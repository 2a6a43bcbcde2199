import type { TagGroupView, TagView } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { badRequest } from "../errors/AppError.js";
import { Tag } from "../models/Tag.js";
import { TagGroup } from "../models/TagGroup.js";

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

/** The whole taxonomy, grouped, for pickers. */
export async function loadTaxonomy(): Promise<TagGroupView[]> {
  const [groups, tags] = await Promise.all([
    TagGroup.find().sort({ position: 1 }).lean(),
    Tag.find().sort({ position: 1 }).lean(),
  ]);
  return groups.map((group) => ({
    slug: group.slug,
    name: group.name,
    description: group.description,
    tags: tags.filter((tag) => tag.tagGroupId.equals(group._id)).map((tag) => ({ slug: tag.slug, name: tag.name })),
  }));
}

export const tagsOf = (slugs: readonly string[], known: Map<string, TagView>): TagView[] =>
  slugs.flatMap((slug) => {
    const tag = known.get(slug);
    return tag ? [tag] : [];
  });
