import mongoose from "mongoose";
import { AppError, conflict } from "./AppError.js";
import { databaseUnavailable, isDatabaseUnavailableError, requestKind } from "./databaseUnavailable.js";
import { errorHandler } from "./errorHandler.js";

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

describe("a reply out of step with its command (FerretDB answering a w: 0 write)", () => {
  const outOfStep = () => new mongoose.mongo.MongoUnexpectedServerResponseError('BSON element "cursor" is missing');

  test("counts as the database being unavailable, also wrapped by the session store", () => {
    expect(isDatabaseUnavailableError(outOfStep())).toBe(true);
    expect(isDatabaseUnavailableError(new Error("session lookup failed", { cause: outOfStep() }))).toBe(true);
  });

  test("is answered with a retryable 503, never a 500", () => {
    const sent: { status?: number; headers: Record<string, string>; body?: unknown } = { headers: {} };
    const res = {
      setHeader: (name: string, value: string) => (sent.headers[name] = value),
      status(code: number) {
        sent.status = code;
        return this;
      },
      json: (body: unknown) => (sent.body = body),
    };
    const req = { method: "GET", log: { warn: () => undefined, error: () => undefined, debug: () => undefined } };
    errorHandler(outOfStep(), req as never, res as never, () => undefined);
    expect(sent.status).toBe(503);
    expect(sent.headers["Retry-After"]).toBe("5");
    expect(sent.body).toMatchObject({ error: { code: "database_unavailable", retryable: true } });
  });
});
