import { createHash, randomBytes } from "node:crypto";

/** A single-use secret for a link: 32 random bytes, base64url. Only its hash is stored. */
export function newSecretToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashSecretToken(token) };
}

/** sha256 of a link's token: what the database keeps, so a leaked database opens no link. */
export const hashSecretToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");
