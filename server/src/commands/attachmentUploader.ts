import type mongoose from "mongoose";
import { Attachment, type AttachmentDocument } from "../models/Attachment.js";
import { deleteStoredUpload, storeUpload } from "../infra/uploadStorage.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface AttachmentUploaderProps {
  /** Who uploads (already authorized). */
  uploaderId: mongoose.Types.ObjectId;
  /** The file's bytes as received. */
  content: Buffer;
  /** The name the uploader's computer gave it. */
  originalName: string;
  /** Where files are stored (outside the web root). */
  directory: string;
  context?: RequestContext;
}

/** Stores a file checked by its content; it stays private to the uploader until a post links it. */
export async function attachmentUploader(props: AttachmentUploaderProps): Promise<AttachmentDocument> {
  const stored = await storeUpload(props.directory, props.content, props.originalName);
  let attachment: AttachmentDocument;
  try {
    const created = await Attachment.create({
      uploaderId: props.uploaderId,
      originalName: stored.name,
      mime: stored.type.mime,
      size: stored.size,
      storageKey: stored.storageKey,
      thumbnailKey: stored.thumbnailKey,
    });
    attachment = created.toObject() as AttachmentDocument;
  } catch (error) {
    await deleteStoredUpload(props.directory, [stored.storageKey, stored.thumbnailKey]);
    throw error;
  }
  await recordEvent({
    name: "attachments.upload",
    actorId: props.uploaderId,
    subjectType: "Attachment",
    subjectId: attachment._id,
    data: { name: attachment.originalName, mime: attachment.mime, size: attachment.size },
    context: props.context,
  });
  return attachment;
}
