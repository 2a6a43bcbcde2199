import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import mongoose from "mongoose";

/**
 * The demo seed (TERYT import of 2,873 units + demo network) takes seconds of every seeded test
 * server's start. The first seeded server of a run (per distinct env) leaves a snapshot of its
 * freshly seeded database; later ones get a copy of it before they start, instead of seeding again.
 * The snapshot lives only for the run (globalSetup makes the directory, globalTeardown removes it),
 * so the demo's dates, relative to "now", stay within the run's minutes.
 */
const { EJSON } = mongoose.mongo.BSON;

interface SnapshotCollection {
  name: string;
  indexes: Array<{ key: Record<string, unknown>; [option: string]: unknown }>;
  /** Canonical Extended JSON: ObjectIds and dates come back as they were. */
  documents: string;
}

/** Where the snapshot for a server started with `env` is (or will be); null when snapshots are off. */
export function seedSnapshotFile(env: Record<string, string>): string | null {
  const dir = process.env.FORUM_TEST_SEED_SNAPSHOT_DIR;
  if (!dir) return null;
  const key = createHash("sha256")
    .update(JSON.stringify(Object.entries(env).sort(([a], [b]) => a.localeCompare(b))))
    .digest("hex")
    .slice(0, 16);
  return path.join(dir, `seed-${key}.json`);
}

/** True when this caller should write the snapshot (the first to ask; others seed as before meanwhile). */
export async function claimSeedSnapshot(file: string): Promise<boolean> {
  try {
    await mkdir(`${file}.claimed`);
    return true;
  } catch {
    return false;
  }
}

/** Copies every collection (documents and indexes) of the connection's database into `file`. */
export async function writeSeedSnapshot(connection: mongoose.Connection, file: string): Promise<void> {
  const db = connection.db;
  if (!db) throw new Error("seed snapshot: no database connection");
  const collections: SnapshotCollection[] = [];
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    if (name.startsWith("system.")) continue;
    const collection = db.collection(name);
    const indexes = (await collection.listIndexes().toArray())
      .filter((index) => index.name !== "_id_")
      .map(({ v: _version, ns: _namespace, ...index }) => index as SnapshotCollection["indexes"][number]);
    const documents = EJSON.stringify(await collection.find({}).toArray(), { relaxed: false });
    collections.push({ name, indexes, documents });
  }
  // Written whole, then renamed: a reader never sees half a snapshot.
  await writeFile(`${file}.tmp`, JSON.stringify(collections));
  await rename(`${file}.tmp`, file);
}

/** Fills an empty database from the snapshot; false when there is none (yet). */
export async function restoreSeedSnapshot(connection: mongoose.Connection, file: string): Promise<boolean> {
  let collections: SnapshotCollection[];
  try {
    collections = JSON.parse(await readFile(file, "utf8")) as SnapshotCollection[];
  } catch {
    return false;
  }
  const db = connection.db;
  if (!db) throw new Error("seed snapshot: no database connection");
  // The test's own connection may have made some collections already (indexes of the models it imports).
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map(({ name }) => name));
  for (const { name, indexes, documents } of collections) {
    const collection = existing.has(name) ? db.collection(name) : await db.createCollection(name);
    // Only the missing ones: FerretDB 1.24 (SQLite) drops the connection when asked again for an index it has.
    const present = existing.has(name)
      ? new Set((await collection.listIndexes().toArray()).map((index) => index.name as string))
      : new Set<string>();
    const missing = indexes.filter((index) => !present.has(index.name as string));
    if (missing.length > 0) await collection.createIndexes(missing as Parameters<typeof collection.createIndexes>[0]);
    const docs = EJSON.parse(documents, { relaxed: false }) as mongoose.mongo.OptionalId<mongoose.mongo.Document>[];
    if (docs.length > 0) await collection.insertMany(docs, { ordered: false });
  }
  return true;
}
