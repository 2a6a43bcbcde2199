import type mongoose from "mongoose";
import { FREE_TAG_GROUP_SLUG } from "@forum/shared";
import { tagCreator } from "../tagCreator.js";
import { tagGroupCreator } from "../tagGroupCreator.js";
import { anyOf } from "../../db/anyOf.js";
import { isDuplicateKeyError } from "../../db/duplicateKey.js";
import { badRequest } from "../../errors/AppError.js";
import { Group } from "../../models/Group.js";
import { Tag } from "../../models/Tag.js";
import { TagGroup, type TagGroupDocument } from "../../models/TagGroup.js";
import { can, type Actor } from "../../policies/index.js";
import { assertKnownTags } from "../../queries/tagDirectory.js";
import { taxonomySlug } from "../../domain/taxonomySlug.js";
import type { RequestContext } from "../../requestContext.js";

export interface TagsToResolve {
  actor: Actor;
  actorId: mongoose.Types.ObjectId;
  /** The group the tagged thread (or practice) belongs to; null for network-wide spaces (taxonomy only). */
  groupId: mongoose.Types.ObjectId | null;
  /** Taxonomy slugs, and in a group that allows them, names of free tags. */
  tags: string[];
  context?: RequestContext;
}

/** "Wolne tagi", created the first time someone in a group that allows free tags needs it. */
async function freeTagGroup(
  actorId: mongoose.Types.ObjectId,
  context: RequestContext | undefined,
): Promise<TagGroupDocument> {
  const existing = await TagGroup.findOne({ slug: FREE_TAG_GROUP_SLUG }).lean();
  if (existing) return existing;
  try {
    return await tagGroupCreator({
      slug: FREE_TAG_GROUP_SLUG,
      name: "Wolne tagi",
      description: "Tagi dodane przez uczestników grup, w których moderatorzy na to pozwolili.",
      actorId,
      context,
    });
  } catch (error) {
    // Someone else created it at the same moment.
    const raced = await TagGroup.findOne({ slug: FREE_TAG_GROUP_SLUG }).lean();
    if (raced) return raced;
    throw error;
  }
}

/**
 * The slugs to store for the given tags. Outside the taxonomy a tag is refused (400), unless the group allows
 * free tags and the policy lets the actor use them: then it is created in "Wolne tagi" (or an existing tag
 * with the same slug is used).
 */
export async function resolveTags(props: TagsToResolve): Promise<string[]> {
  const wanted = [...new Set(props.tags.map((tag) => tag.trim()).filter(Boolean))];
  if (wanted.length === 0) return [];
  const known = new Set(await Tag.distinct("slug", { slug: anyOf(wanted) }));
  const unknown = wanted.filter((tag) => !known.has(tag));
  if (unknown.length === 0) return wanted;
  const group = props.groupId ? await Group.findById(props.groupId, { allowFreeTags: 1 }).lean() : null;
  const allowed =
    group !== null &&
    can(props.actor, "useFreeTags", "Group", { groupId: group._id, allowFreeTags: group.allowFreeTags });
  if (!allowed) {
    await assertKnownTags(unknown);
    return wanted;
  }
  const tooShort = unknown.find((name) => name.length < 2);
  if (tooShort !== undefined)
    throw badRequest("Nazwa tagu musi mieć co najmniej 2 znaki.", { tags: "Popraw nazwę tagu." });
  const slugs = wanted.filter((tag) => known.has(tag));
  for (const name of unknown) slugs.push(await freeTagSlug(name, props));
  return [...new Set(slugs)];
}

async function freeTagSlug(name: string, props: TagsToResolve): Promise<string> {
  const slug = taxonomySlug(name);
  if (await Tag.exists({ slug })) return slug;
  const tagGroup = await freeTagGroup(props.actorId, props.context);
  try {
    return (await tagCreator({ tagGroup, name, description: "", actorId: props.actorId, context: props.context })).slug;
  } catch (error) {
    // The same free tag typed by two people at once: the other one created it.
    if (isDuplicateKeyError(error) || (await Tag.exists({ slug }))) return slug;
    throw error;
  }
}
