/** MongoDB's code for a write that breaks a unique index. */
export const DUPLICATE_KEY_CODE = 11000;

/** What the backend under FerretDB 1.24 says about a unique index: SQLite, PostgreSQL (unique_violation). */
const BACKEND_UNIQUE_FAILURES = ["UNIQUE constraint failed", "(SQLSTATE 23505)"];

/**
 * True when a write failed because of a unique index: the basis of idempotency keys and
 * "already exists" answers. MongoDB always reports code 11000. FerretDB 1.24 does so for
 * inserts and upserts only; an update or findOneAndUpdate that collides comes back as code 1
 * (InternalError) with its backend's message: SQLite's "UNIQUE constraint failed" or
 * PostgreSQL's "duplicate key value violates unique constraint … (SQLSTATE 23505)".
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === DUPLICATE_KEY_CODE) return true;
  return (
    code === 1 && typeof message === "string" && BACKEND_UNIQUE_FAILURES.some((failure) => message.includes(failure))
  );
}
