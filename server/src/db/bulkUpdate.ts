import type mongoose from "mongoose";

/**
 * Update statements sent in one `update` command. Unlimited on MongoDB (the driver splits at the
 * server's maxWriteBatchSize). FerretDB 1.24 (SQLite) never answers a command of 100 or more
 * updates that match existing documents, and its database stays locked for every later request;
 * so there, and only there, commands carry fewer. Learnt once per connection by `learnWriteLimits`.
 */
let updatesPerCommand = Number.POSITIVE_INFINITY;
const FERRETDB_UPDATES_PER_COMMAND = 50;

/** Asks the server what it is (FerretDB's buildInfo names its own version) and sets the limit above. */
export async function learnWriteLimits(connection: mongoose.Connection): Promise<void> {
  const info = await connection.db?.admin().command({ buildInfo: 1 });
  updatesPerCommand = info && "ferretdbVersion" in info ? FERRETDB_UPDATES_PER_COMMAND : Number.POSITIVE_INFINITY;
}

interface BulkWritable<Operation> {
  bulkWrite(operations: Operation[], options?: mongoose.MongooseBulkWriteOptions): Promise<unknown>;
}

/**
 * `Model.bulkWrite` for update operations, in as few commands as the engine allows (one on
 * MongoDB). Ordered writes stay in order: the commands run one after another.
 */
export async function bulkUpdate<Operation>(
  model: BulkWritable<Operation>,
  operations: Operation[],
  options: mongoose.MongooseBulkWriteOptions = {},
): Promise<void> {
  const size = Math.min(operations.length, updatesPerCommand);
  for (let start = 0; start < operations.length; start += size) {
    await model.bulkWrite(operations.slice(start, start + size), options);
  }
}
