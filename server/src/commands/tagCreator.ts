import type mongoose from "mongoose";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { conflict } from "../errors/AppError.js";
import { Tag, type TagDocument } from "../models/Tag.js";
import type { TagGroupDocument } from "../models/TagGroup.js";
import { taxonomySlug } from "../domain/taxonomySlug.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface TagCreatorProps {
  tagGroup: TagGroupDocument;
  name: string;
  description: string;
  actorId: mongoose.Types.ObjectId | null;
  context?: RequestContext;
}

/** A new tag, last in its group. Slugs are global (threads carry them), so a taken one is a 409. */
export async function tagCreator(props: TagCreatorProps): Promise<TagDocument> {
  const last = await Tag.findOne({ tagGroupId: props.tagGroup._id }, { position: 1 }).sort({ position: -1 }).lean();
  let created: TagDocument;
  try {
    created = (
      await Tag.create({
        slug: taxonomySlug(props.name),
        name: props.name,
        description: props.description,
        tagGroupId: props.tagGroup._id,
        position: (last?.position ?? -1) + 1,
      })
    ).toObject() as TagDocument;
  } catch (error) {
    if (isDuplicateKeyError(error)) throw conflict(`Tag o nazwie „${props.name}” (lub bardzo podobnej) już istnieje.`);
    throw error;
  }
  await recordEvent({
    name: "tags.create",
    actorId: props.actorId,
    subjectType: "Tag",
    subjectId: created._id,
    data: { slug: created.slug, after: { name: created.name, tagGroup: props.tagGroup.slug } },
    context: props.context,
  });
  return created;
}
