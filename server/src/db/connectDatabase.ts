import mongoose from "mongoose";
import type { DatabaseClientOptions } from "./findDatabase.js";
import { learnWriteLimits } from "./bulkUpdate.js";

mongoose.set("strictQuery", "throw");
// A value from a request can never become a query operator; operators our own code builds are wrapped in mongoose.trusted().
mongoose.set("sanitizeFilter", true);

export class DatabaseUnreachableError extends Error {
  constructor(uri: string, cause: unknown) {
    super(
      `Nie można połączyć się z bazą danych (${redactUri(uri)}): ${cause instanceof Error ? cause.message : String(cause)}.\n` +
        "Sprawdź MONGODB_URI albo usuń tę zmienną, aby forum uruchomiło wbudowaną bazę.",
    );
    this.name = "DatabaseUnreachableError";
  }
}

/** Hides credentials in a connection string before it is shown anywhere. */
export const redactUri = (uri: string): string => uri.replace(/\/\/[^@/]*@/, "//***@");

export interface ConnectOptions extends DatabaseClientOptions {
  dbName?: string | undefined;
  /** How long to wait for the first connection before giving up. */
  serverSelectionTimeoutMS?: number;
  /** Emit the driver's command events (the search benchmark counts round trips with them). */
  monitorCommands?: boolean;
}

/** Opens mongoose's default connection and makes sure every model's indexes exist. */
export async function connectDatabase(uri: string, options: ConnectOptions = {}): Promise<typeof mongoose> {
  try {
    await mongoose.connect(uri, {
      ...(options.dbName ? { dbName: options.dbName } : {}),
      ...(options.maxPoolSize ? { maxPoolSize: options.maxPoolSize } : {}),
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5_000,
      ...(options.monitorCommands ? { monitorCommands: true } : {}),
      autoIndex: false,
      // A write waiting for a lost server fails quickly instead of piling up; the client retries.
      bufferCommands: false,
    });
  } catch (error) {
    throw new DatabaseUnreachableError(uri, error);
  }
  await learnWriteLimits(mongoose.connection);
  await Promise.all(Object.values(mongoose.models).map((model) => model.createIndexes()));
  return mongoose;
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
