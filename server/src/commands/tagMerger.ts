import type mongoose from "mongoose";
import { Tag, type TagDocument } from "../models/Tag.js";
import { replaceTagEverywhere } from "../queries/taggedDocuments.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

/** Merges a tag into another (as Discourse does): its documents and followers move over, then it is removed. */
export async function tagMerger(props: {
  tag: TagDocument;
  into: TagDocument;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}): Promise<{ documents: number }> {
  const documents = await replaceTagEverywhere(props.tag.slug, props.into.slug);
  await Tag.deleteOne({ _id: props.tag._id });
  await recordEvent({
    name: "tags.merge",
    actorId: props.actorId,
    subjectType: "Tag",
    subjectId: props.tag._id,
    data: { slug: props.tag.slug, into: props.into.slug, before: { name: props.tag.name }, documents },
    context: props.context,
  });
  return { documents };
}
