import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { attachmentTypeByMime, withoutBidiControls, type AttachmentType } from "@forum/shared";
import type { Config } from "../config.js";
import { AppError } from "../errors/AppError.js";

const THUMBNAIL_WIDTH = 640;
/** Legacy Office files are all one container format (CFB); which one it is, only the name tells. */
const CFB_BY_EXTENSION: Record<string, string> = {
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
};
const TEXT_BY_EXTENSION: Record<string, string> = { txt: "text/plain", csv: "text/csv" };

export const uploadDirectory = (config: Pick<Config, "DATA_DIR" | "UPLOAD_DIR">): string =>
  config.UPLOAD_DIR ?? path.join(config.DATA_DIR, "uploads");

/** The stored file for a key the database holds; keys are ours, never the user's. */
export function storedFilePath(directory: string, key: string): string {
  return path.join(directory, path.basename(key));
}

const extensionOf = (name: string): string => path.extname(name).slice(1).toLowerCase();

const unsupported = () =>
  new AppError(
    415,
    "unsupported_file_type",
    "Tego rodzaju pliku nie można dołączyć. Dozwolone są: PDF, dokumenty, arkusze i prezentacje (Word, Excel, PowerPoint, OpenDocument), CSV, TXT oraz obrazy PNG, JPEG, WebP i GIF.",
  );

/** Plain text has no signature: accept it only when it decodes as UTF-8 and has no control bytes. */
function isPlainText(content: Buffer): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

/** The file's real type, from its content; the name only picks between look-alike containers. */
export async function detectAttachmentType(content: Buffer, originalName: string): Promise<AttachmentType> {
  const detected = await fileTypeFromBuffer(content);
  const extension = extensionOf(originalName);
  let mime: string | undefined;
  if (detected?.mime === "application/x-cfb") mime = CFB_BY_EXTENSION[extension];
  else if (detected) mime = detected.mime;
  else if (TEXT_BY_EXTENSION[extension] && isPlainText(content)) mime = TEXT_BY_EXTENSION[extension];
  const type = mime ? attachmentTypeByMime(mime) : undefined;
  if (!type) throw unsupported();
  return type;
}

/**
 * The name the download will carry: the original one, with the real type's extension added
 * when the name claims another (so "raport.exe" that is a PDF is saved as "raport.exe.pdf").
 * Control characters go, and so do bidirectional formatting ones: "faktura\u202Efdp.exe.png"
 * would otherwise show as "fakturagnp.exe.pdf"; it is kept as "fakturafdp.exe.png".
 */
export function downloadName(originalName: string, type: AttachmentType): string {
  const printable = [...withoutBidiControls(originalName)].filter((char) => char >= " " && char !== "\u007f").join("");
  const base = path.basename(printable.replace(/\\/g, "/")).trim();
  const name = base.slice(0, 200) || "plik";
  return type.extensions.includes(extensionOf(name)) ? name : `${name}.${type.extensions[0]}`;
}

/** JPEG, PNG and WebP carry EXIF (location, camera): re-encoding in the same format drops it. */
async function withoutMetadata(content: Buffer, mime: string): Promise<Buffer> {
  const image = sharp(content, { limitInputPixels: 80_000_000 }).rotate();
  if (mime === "image/jpeg") return image.jpeg({ quality: 90 }).toBuffer();
  if (mime === "image/png") return image.png().toBuffer();
  if (mime === "image/webp") return image.webp({ quality: 90 }).toBuffer();
  return content;
}

export interface StoredUpload {
  type: AttachmentType;
  name: string;
  /** Bytes stored (an image loses its metadata, so it may differ from the upload). */
  size: number;
  storageKey: string;
  thumbnailKey: string | null;
}

/** Checks the upload's type by content, stores it under a random key and makes an image's thumbnail. */
export async function storeUpload(directory: string, content: Buffer, originalName: string): Promise<StoredUpload> {
  const type = await detectAttachmentType(content, originalName);
  let thumbnail: Buffer | null = null;
  let stored = content;
  if (type.image) {
    try {
      stored = await withoutMetadata(content, type.mime);
      thumbnail = await sharp(content, { limitInputPixels: 80_000_000 })
        .rotate()
        .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
    } catch {
      throw new AppError(415, "unsupported_image", "Nie udało się odczytać obrazu. Spróbuj innego pliku.");
    }
  }
  const storageKey = `${randomBytes(16).toString("hex")}.${type.extensions[0]}`;
  const thumbnailKey = thumbnail ? `${randomBytes(16).toString("hex")}.webp` : null;
  await mkdir(directory, { recursive: true });
  await writeFile(storedFilePath(directory, storageKey), stored, { flag: "wx" });
  if (thumbnail && thumbnailKey) await writeFile(storedFilePath(directory, thumbnailKey), thumbnail, { flag: "wx" });
  return { type, name: downloadName(originalName, type), size: stored.length, storageKey, thumbnailKey };
}

export async function deleteStoredUpload(directory: string, keys: (string | null)[]): Promise<void> {
  await Promise.all(keys.map((key) => (key ? rm(storedFilePath(directory, key), { force: true }) : undefined)));
}
