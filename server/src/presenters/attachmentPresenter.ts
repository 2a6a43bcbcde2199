import { attachmentThumbnailUrl, attachmentUrl, type AttachmentView } from "@forum/shared";
import type { AttachmentDocument } from "../models/Attachment.js";

export function presentAttachment(attachment: AttachmentDocument): AttachmentView {
  const id = attachment._id.toString();
  return {
    id,
    name: attachment.originalName,
    mime: attachment.mime,
    size: attachment.size,
    image: attachment.thumbnailKey !== null,
    url: attachmentUrl(id),
    thumbnailUrl: attachment.thumbnailKey ? attachmentThumbnailUrl(id) : null,
  };
}
