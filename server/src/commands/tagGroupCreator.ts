import type mongoose from "mongoose";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { conflict } from "../errors/AppError.js";
import { TagGroup, type TagGroupDocument } from "../models/TagGroup.js";
import { taxonomySlug } from "../domain/taxonomySlug.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface TagGroupCreatorProps {
  name: string;
  description: string;
  /** Given for the free-tag group, whose address the code knows; otherwise made from the name. */
  slug?: string;
  actorId: mongoose.Types.ObjectId | null;
  context?: RequestContext;
}

/** A new facet of the taxonomy, placed last. Its slug comes from the name; a taken one is a 409. */
export async function tagGroupCreator(props: TagGroupCreatorProps): Promise<TagGroupDocument> {
  const slug = props.slug ?? taxonomySlug(props.name);
  const last = await TagGroup.findOne({}, { position: 1 }).sort({ position: -1 }).lean();
  let created: TagGroupDocument;
  try {
    created = (
      await TagGroup.create({
        slug,
        name: props.name,
        description: props.description,
        position: (last?.position ?? -1) + 1,
      })
    ).toObject() as TagGroupDocument;
  } catch (error) {
    if (isDuplicateKeyError(error)) throw conflict("Grupa tagów o takiej nazwie już istnieje.");
    throw error;
  }
  await recordEvent({
    name: "tags.createGroup",
    actorId: props.actorId,
    subjectType: "TagGroup",
    subjectId: created._id,
    data: { slug: created.slug, after: { name: created.name, description: created.description } },
    context: props.context,
  });
  return created;
}
