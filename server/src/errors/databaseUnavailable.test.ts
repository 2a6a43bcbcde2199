import mongoose from "mongoose";
import { AppError, conflict } from "./AppError.js";
import { databaseUnavailable, isDatabaseUnavailableError, requestKind } from "./databaseUnavailable.js";

const { MongoNetworkError, MongoServerError, MongoServerSelectionError } = mongoose.mongo;
/** The topology the driver describes in a selection error; only its `error` is read when constructing one. */
const noServers = { error: null, servers: new Map() } as unknown as ConstructorParameters<
  typeof MongoServerSelectionError
>[1];

describe("isDatabaseUnavailableError", () => {
  test("recognises the driver's errors for an absent server", () => {
    expect(
      isDatabaseUnavailableError(new MongoServerSelectionError("Server selection timed out after 3000 ms", noServers)),
    ).toBe(true);
    expect(isDatabaseUnavailableError(new MongoNetworkError("connection 3 to 127.0.0.1:27017 closed"))).toBe(true);
  });

  test("follows the cause of a wrapping error (session store, mongoose)", () => {
    const wrapped = new Error("session lookup failed", { cause: new MongoNetworkError("socket hang up") });
    expect(isDatabaseUnavailableError(wrapped)).toBe(true);
  });

  test("recognises mongoose's buffering timeout", () => {
    const error = new mongoose.Error("Operation `posts.insertOne()` buffering timed out after 10000ms");
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  test("does not take refusals or bugs for an outage", () => {
    expect(isDatabaseUnavailableError(new MongoServerError({ message: "E11000 duplicate key", code: 11000 }))).toBe(
      false,
    );
    expect(isDatabaseUnavailableError(conflict("Ten wpis już istnieje."))).toBe(false);
    expect(isDatabaseUnavailableError(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailableError("not an error")).toBe(false);
  });
});

describe("databaseUnavailable", () => {
  test("is a retryable 503 whose message says whether something was read or not saved", () => {
    const read = databaseUnavailable(requestKind("GET"));
    const write = databaseUnavailable(requestKind("POST"));
    for (const error of [read, write]) {
      expect(error).toBeInstanceOf(AppError);
      expect(error.status).toBe(503);
      expect(error.code).toBe("database_unavailable");
      expect(error.retryable).toBe(true);
    }
    expect(read.message).toMatch(/^Nie możemy teraz wczytać danych/);
    expect(write.message).toMatch(/^Nie zapisaliśmy zmian.*Twój tekst został zachowany/);
  });
});
