import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { AppError } from "../errors/AppError.js";

export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
const AVATAR_SIZE = 256;
const ACCEPTED = new Set(["image/jpeg", "image/png", "image/webp"]);

export const avatarDirectory = (dataDir: string) => path.join(dataDir, "avatars");

/** The stored file for a name the database holds; names are ours, never the user's. */
export function avatarPath(dataDir: string, fileName: string): string {
  return path.join(avatarDirectory(dataDir), path.basename(fileName));
}

/**
 * Checks the upload by its content (not its name), squares and shrinks it to 256 px WebP,
 * which also drops EXIF data such as location, and stores it outside the web root.
 */
export async function storeAvatar(dataDir: string, userId: string, upload: Buffer): Promise<string> {
  const type = await fileTypeFromBuffer(upload);
  if (!type || !ACCEPTED.has(type.mime)) {
    throw new AppError(415, "unsupported_image", "Zdjęcie musi być plikiem JPEG, PNG lub WebP.");
  }
  let image: Buffer;
  try {
    image = await sharp(upload, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover" })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw new AppError(415, "unsupported_image", "Nie udało się odczytać zdjęcia. Spróbuj innego pliku.");
  }
  const fileName = `${userId}-${randomBytes(6).toString("hex")}.webp`;
  await mkdir(avatarDirectory(dataDir), { recursive: true });
  await writeFile(avatarPath(dataDir, fileName), image);
  return fileName;
}

export async function deleteAvatar(dataDir: string, fileName: string | null | undefined): Promise<void> {
  if (fileName) await rm(avatarPath(dataDir, fileName), { force: true });
}
