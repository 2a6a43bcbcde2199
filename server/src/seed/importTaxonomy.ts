import { Tag } from "../models/Tag.js";
import { TagGroup } from "../models/TagGroup.js";
import { TAXONOMY } from "./taxonomy.js";

/**
 * Puts the starting taxonomy in place when the database has none yet. Once there is any tag
 * group it belongs to the moderators: nothing they renamed or removed is brought back.
 */
export async function importTaxonomy(): Promise<{ inserted: number }> {
  if ((await TagGroup.estimatedDocumentCount()) > 0) return { inserted: 0 };
  let inserted = 0;
  for (const [groupPosition, definition] of TAXONOMY.entries()) {
    const tagGroup = await TagGroup.create({
      slug: definition.slug,
      name: definition.name,
      description: definition.description,
      position: groupPosition,
    });
    await Tag.insertMany(
      definition.tags.map((tag, position) => ({ ...tag, tagGroupId: tagGroup._id, position })),
      { ordered: true },
    );
    inserted += definition.tags.length;
  }
  return { inserted };
}
