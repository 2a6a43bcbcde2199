import { Router, type Response } from "express";
import type mongoose from "mongoose";
import { create as contentDisposition } from "content-disposition";
import multer from "multer";
import { attachmentTypeByMime, endpoints, formatFileSize } from "@forum/shared";
import { attachmentUploader } from "../commands/attachmentUploader.js";
import type { Config } from "../config.js";
import { AppError, badRequest, notFound, unauthorized } from "../errors/AppError.js";
import { countAttempt } from "../http/rateLimits.js";
import { route, sent } from "../http/declareRoute.js";
import { Attachment, type AttachmentDocument } from "../models/Attachment.js";
import { presentAttachment } from "../presenters/attachmentPresenter.js";
import { Meeting } from "../models/Meeting.js";
import { Post } from "../models/Post.js";
import { Practice } from "../models/Practice.js";
import { Thread } from "../models/Thread.js";
import { authorize, type Actor } from "../policies/index.js";
import { storedFilePath, uploadDirectory } from "../infra/uploadStorage.js";

/** The attachment named in the URL, if the actor may read it (as its thread, or as its uploader). */
async function loadReadableAttachment(actor: Actor | null, id: mongoose.Types.ObjectId): Promise<AttachmentDocument> {
  const attachment = await Attachment.findById(id).lean();
  const practice = attachment?.practiceId
    ? await Practice.findById(attachment.practiceId, { authorId: 1, status: 1, isPublic: 1 }).lean()
    : null;
  // Visitors may download only the files of public practices; for anything else they must sign in.
  if (!actor && !(practice?.status === "published" && practice.isPublic)) throw unauthorized();
  // The uploader's account was erased: the file is gone (the post shows "Załącznik usunięty").
  if (!attachment || attachment.removedAt) throw notFound();
  const thread = attachment.threadId ? await Thread.findById(attachment.threadId, { groupId: 1 }).lean() : null;
  if (attachment.threadId && !thread) throw notFound();
  const post = attachment.postId ? await Post.findById(attachment.postId, { hiddenAt: 1, authorId: 1 }).lean() : null;
  const hiddenPostAuthorId = post?.hiddenAt ? post.authorId : null;
  const meeting = attachment.meetingId
    ? await Meeting.findById(attachment.meetingId, { groupId: 1, status: 1 }).lean()
    : null;
  authorize(actor, "read", "Attachment", {
    uploaderId: attachment.uploaderId,
    thread,
    hiddenPostAuthorId,
    meeting,
    practice,
  });
  return attachment;
}

/**
 * Sends a stored file so that a browser can never run it as part of the forum: the type found
 * at upload, no sniffing, a sandboxing CSP, and (except images) a download with the original name.
 */
function sendStoredFile(
  res: Response,
  directory: string,
  key: string,
  file: { mime: string; name: string; inline: boolean },
) {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
  res.setHeader("Cache-Control", "private, max-age=3600");
  res.setHeader("Content-Disposition", contentDisposition(file.name, { type: file.inline ? "inline" : "attachment" }));
  return sent(res.type(file.mime).sendFile(storedFilePath(directory, key)));
}

export function attachmentRoutes(config: Config): Router {
  const router = Router();
  const directory = uploadDirectory(config);
  const tooLarge = () =>
    new AppError(
      413,
      "payload_too_large",
      `Plik jest za duży. Największy dozwolony rozmiar to ${formatFileSize(config.UPLOAD_MAX_BYTES)}.`,
    );
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 1, fields: 5 },
  });

  route(router, endpoints.posts.upload, async ({ actor, user, context }, req, res) => {
    authorize(actor, "upload", "Attachment", null);
    await countAttempt("upload", context.ip ?? "", actor.id);
    // Refuse early on the declared length, before reading megabytes into memory.
    if (Number(req.headers["content-length"] ?? 0) > config.UPLOAD_MAX_BYTES + 64 * 1024) throw tooLarge();
    await new Promise<void>((resolve, reject) =>
      upload.single("file")(req, res, (error: unknown) => {
        if (error instanceof multer.MulterError && error.code === "LIMIT_FILE_SIZE") return reject(tooLarge());
        if (error) return reject(badRequest("Nie udało się przesłać pliku. Spróbuj ponownie."));
        resolve();
      }),
    );
    if (!req.file) throw badRequest("Wybierz plik do dołączenia.", { file: "Wybierz plik do dołączenia." });
    if (req.file.size === 0) throw badRequest("Plik jest pusty.", { file: "Plik jest pusty." });
    // Browsers send the name as UTF-8, multer decodes it as Latin-1: restore the Polish letters.
    const originalName = Buffer.from(req.file.originalname, "latin1").toString("utf8");
    const attachment = await attachmentUploader({
      uploaderId: user._id,
      content: req.file.buffer,
      originalName,
      directory,
      context,
    });
    return { attachment: presentAttachment(attachment) };
  });

  route(router, endpoints.posts.attachment, async ({ actor, params }, _req, res) => {
    const attachment = await loadReadableAttachment(actor, params.id);
    return sendStoredFile(res, directory, attachment.storageKey, {
      mime: attachment.mime,
      name: attachment.originalName,
      inline: attachmentTypeByMime(attachment.mime)?.image ?? false,
    });
  });

  route(router, endpoints.posts.thumbnail, async ({ actor, params }, _req, res) => {
    const attachment = await loadReadableAttachment(actor, params.id);
    if (!attachment.thumbnailKey) throw notFound();
    return sendStoredFile(res, directory, attachment.thumbnailKey, {
      mime: "image/webp",
      name: `${attachment.originalName.replace(/\.[^.]+$/, "")}.webp`,
      inline: true,
    });
  });

  return router;
}
