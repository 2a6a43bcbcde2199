import { isDuplicateKeyError } from "./duplicateKey.js";

describe("isDuplicateKeyError", () => {
  test("recognises MongoDB's E11000", () => {
    expect(isDuplicateKeyError({ code: 11000, message: "E11000 duplicate key error collection: forum.users" })).toBe(
      true,
    );
  });

  test("recognises FerretDB's SQLite unique failure on update", () => {
    const error = Object.assign(
      new Error("[collection.go:177] constraint failed: UNIQUE constraint failed: index 'users_email_1' (2067)"),
      {
        code: 1,
        codeName: "InternalError",
      },
    );
    expect(isDuplicateKeyError(error)).toBe(true);
  });

  test("recognises FerretDB's PostgreSQL unique failure on update", () => {
    const error = Object.assign(
      new Error(
        '[collection.go:218 postgresql.(*collection).UpdateAll.func1] ERROR: duplicate key value violates unique constraint "m_e80c2f78_email___b788067b_idx" (SQLSTATE 23505)',
      ),
      { code: 1, codeName: "InternalError" },
    );
    expect(isDuplicateKeyError(error)).toBe(true);
  });

  test("ignores other errors and non-errors", () => {
    expect(isDuplicateKeyError(new Error("connection refused"))).toBe(false);
    expect(isDuplicateKeyError({ code: 1, message: "something else" })).toBe(false);
    expect(isDuplicateKeyError({ code: 121, message: "Document failed validation" })).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
    expect(isDuplicateKeyError("E11000")).toBe(false);
  });
});
