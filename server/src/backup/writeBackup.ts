import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";
import { createGzip } from "node:zlib";
import mongoose from "mongoose";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  FILE_CHUNK_BYTES,
  type BackupLine,
  type BackupTrailer,
  type FileStore,
} from "./backupFormat.js";

const { EJSON } = mongoose.mongo.BSON;

/** Every regular file below `dir`, as paths relative to it, in a stable order. */
async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Whether the server can read every collection from one point in time (a replica set). */
async function supportsSnapshots(db: mongoose.mongo.Db): Promise<boolean> {
  try {
    const hello = await db.admin().command({ hello: 1 });
    return typeof hello.setName === "string";
  } catch {
    return false;
  }
}

/**
 * Writes the whole database and the file stores to `file` (through a temporary file renamed at
 * the end, so a failed backup never leaves something that looks complete). Returns the trailer.
 */
export async function writeBackup(options: {
  connection: mongoose.Connection;
  stores: FileStore[];
  file: string;
  now?: Date;
}): Promise<BackupTrailer> {
  const db = options.connection.db;
  if (!db) throw new Error("database not connected");
  const partial = `${options.file}.partial`;
  const gzip = createGzip();
  const output = createWriteStream(partial);
  gzip.pipe(output);
  const write = async (line: BackupLine) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, "drain");
  };

  const snapshot = await supportsSnapshots(db);
  const session = snapshot ? options.connection.getClient().startSession({ snapshot: true }) : undefined;
  const trailer: BackupTrailer = { end: true, collections: {}, files: {} };
  try {
    await write({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: (options.now ?? new Date()).toISOString(),
      database: db.databaseName,
      snapshot,
    });
    const collections = (await db.listCollections({}, { nameOnly: true }).toArray())
      .map((collection) => collection.name)
      .filter((name) => !name.startsWith("system."))
      .sort();
    for (const name of collections) {
      const hash = createHash("sha256");
      let count = 0;
      const cursor = db.collection(name).find({}, { sort: { _id: 1 }, ...(session ? { session } : {}) });
      for await (const document of cursor) {
        const serialized = EJSON.stringify(document, { relaxed: false });
        hash.update(serialized).update("\n");
        count += 1;
        await write({ collection: name, document: serialized });
      }
      trailer.collections[name] = { count, sha256: hash.digest("hex") };
    }
    for (const store of options.stores) {
      for (const relative of await listFiles(store.dir)) {
        const key = `${store.name}/${relative.split(path.sep).join("/")}`;
        const hash = createHash("sha256");
        let size = 0;
        for await (const chunk of createReadStream(path.join(store.dir, relative), {
          highWaterMark: FILE_CHUNK_BYTES,
        })) {
          const bytes = chunk as Buffer;
          hash.update(bytes);
          size += bytes.length;
          await write({ file: key, data: bytes.toString("base64") });
        }
        if (size === 0) await write({ file: key, data: "" });
        trailer.files[key] = { size, sha256: hash.digest("hex") };
      }
    }
    await write(trailer);
    gzip.end();
    await once(output, "finish");
    await rename(partial, options.file);
    return trailer;
  } catch (error) {
    gzip.destroy();
    output.destroy();
    await rm(partial, { force: true });
    throw error;
  } finally {
    await session?.endSession();
  }
}
