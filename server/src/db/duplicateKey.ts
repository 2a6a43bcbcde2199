/** MongoDB's code for a write that breaks a unique index. */
export const DUPLICATE_KEY_CODE = 11000;

/**
 * True when a write failed because of a unique index: the basis of idempotency keys and
 * "already exists" answers. MongoDB always reports code 11000. FerretDB 1.24 (SQLite) does so
 * for inserts and upserts only; an update or findOneAndUpdate that collides comes back as
 * code 1 (InternalError) whose message contains SQLite's "UNIQUE constraint failed".
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === DUPLICATE_KEY_CODE) return true;
  return code === 1 && typeof message === "string" && message.includes("UNIQUE constraint failed");
}
