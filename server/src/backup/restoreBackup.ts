import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { access, appendFile, mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import mongoose from "mongoose";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupLine,
  type BackupTrailer,
  type FileStore,
} from "./backupFormat.js";

const { EJSON } = mongoose.mongo.BSON;
const INSERT_BATCH = 500;

/** A restore that cannot go ahead; the message says why, in Polish, for the command line. */
export class RestoreError extends Error {}

async function* linesOf(file: string): AsyncGenerator<BackupLine> {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line.trim() !== "") yield JSON.parse(line) as BackupLine;
    }
  } catch (error) {
    if (error instanceof SyntaxError || (error as NodeJS.ErrnoException).code?.startsWith("Z_")) {
      throw new RestoreError("Plik kopii jest uszkodzony (nie da się go odczytać do końca).");
    }
    throw error;
  }
}

const isHeader = (line: BackupLine): line is BackupHeader => "format" in line;
const isTrailer = (line: BackupLine): line is BackupTrailer => "end" in line;

/** Reads the whole file once and checks every count and checksum against its trailer. */
export async function verifyBackup(file: string): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  try {
    await access(file);
  } catch {
    throw new RestoreError(`Nie ma pliku kopii: ${file}`);
  }
  let header: BackupHeader | undefined;
  let trailer: BackupTrailer | undefined;
  const collections = new Map<string, { count: number; hash: Hash }>();
  const files = new Map<string, { size: number; hash: Hash }>();
  for await (const line of linesOf(file)) {
    if (!header) {
      if (!isHeader(line) || line.format !== BACKUP_FORMAT) throw new RestoreError("To nie jest plik kopii forum.");
      if (line.version !== BACKUP_VERSION) {
        throw new RestoreError(`Nieobsługiwana wersja kopii: ${line.version} (obsługiwana: ${BACKUP_VERSION}).`);
      }
      header = line;
    } else if (trailer) {
      throw new RestoreError("Plik kopii ma dane po zakończeniu — jest uszkodzony.");
    } else if (isTrailer(line)) {
      trailer = line;
    } else if ("collection" in line) {
      const entry = collections.get(line.collection) ?? { count: 0, hash: createHash("sha256") };
      entry.count += 1;
      entry.hash.update(line.document).update("\n");
      collections.set(line.collection, entry);
    } else if ("file" in line) {
      const entry = files.get(line.file) ?? { size: 0, hash: createHash("sha256") };
      const bytes = Buffer.from(line.data, "base64");
      entry.size += bytes.length;
      entry.hash.update(bytes);
      files.set(line.file, entry);
    }
  }
  if (!header) throw new RestoreError("Plik kopii jest pusty.");
  if (!trailer)
    throw new RestoreError("Plik kopii jest niekompletny (brak zakończenia) — kopia mogła się nie dokończyć.");
  for (const [name, expected] of Object.entries(trailer.collections)) {
    const found = collections.get(name);
    const count = found?.count ?? 0;
    const sha256 = found?.hash.digest("hex") ?? createHash("sha256").digest("hex");
    if (count !== expected.count || sha256 !== expected.sha256) {
      throw new RestoreError(`Kolekcja ${name} w pliku kopii nie zgadza się z sumą kontrolną — plik jest uszkodzony.`);
    }
  }
  for (const [name, expected] of Object.entries(trailer.files)) {
    const found = files.get(name);
    if (!found || found.size !== expected.size || found.hash.digest("hex") !== expected.sha256) {
      throw new RestoreError(`Plik ${name} w kopii nie zgadza się z sumą kontrolną — kopia jest uszkodzona.`);
    }
  }
  return { header, trailer };
}

/** Where a backed-up file goes, refusing names that would leave their store. */
function targetOf(key: string, stores: FileStore[]): string {
  const [storeName, ...rest] = key.split("/");
  const store = stores.find((candidate) => candidate.name === storeName);
  if (!store || rest.length === 0) throw new RestoreError(`Nieznany katalog plików w kopii: ${key}`);
  const target = path.resolve(store.dir, ...rest);
  if (!target.startsWith(path.resolve(store.dir) + path.sep)) {
    throw new RestoreError(`Niedozwolona ścieżka pliku w kopii: ${key}`);
  }
  return target;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Restores a verified backup into an empty database and empty file stores; refuses (changing
 * nothing) when the file is damaged or the target already holds data.
 */
export async function restoreBackup(options: {
  connection: mongoose.Connection;
  stores: FileStore[];
  file: string;
}): Promise<BackupTrailer> {
  const db = options.connection.db;
  if (!db) throw new Error("database not connected");
  const { trailer } = await verifyBackup(options.file);

  const occupied: string[] = [];
  for (const name of Object.keys(trailer.collections)) {
    if ((await db.collection(name).estimatedDocumentCount()) > 0) occupied.push(name);
  }
  if (occupied.length > 0) {
    throw new RestoreError(
      `Baza docelowa nie jest pusta (kolekcje: ${occupied.join(", ")}). Kopię odtwarza się do pustej bazy.`,
    );
  }
  for (const key of Object.keys(trailer.files)) {
    if (await exists(targetOf(key, options.stores))) {
      throw new RestoreError(`Plik ${key} już istnieje w katalogu docelowym. Kopię odtwarza się do pustych katalogów.`);
    }
  }

  const batch = { collection: "", documents: [] as mongoose.mongo.Document[] };
  const flush = async () => {
    if (batch.documents.length > 0) {
      await db.collection(batch.collection).insertMany(batch.documents, { ordered: true });
    }
    batch.documents = [];
  };
  const written = new Set<string>();
  for await (const line of linesOf(options.file)) {
    if ("collection" in line) {
      if (batch.collection !== line.collection || batch.documents.length >= INSERT_BATCH) {
        await flush();
        batch.collection = line.collection;
      }
      batch.documents.push(EJSON.parse(line.document, { relaxed: false }) as mongoose.mongo.Document);
    } else if ("file" in line) {
      await flush();
      const target = targetOf(line.file, options.stores);
      if (!written.has(line.file)) {
        await mkdir(path.dirname(target), { recursive: true });
        await rm(`${target}.partial`, { force: true });
        written.add(line.file);
      }
      await appendFile(`${target}.partial`, Buffer.from(line.data, "base64"));
    }
  }
  await flush();
  for (const key of written) {
    const target = targetOf(key, options.stores);
    await rename(`${target}.partial`, target);
  }
  // Collections first created by the inserts above get the models' indexes now.
  for (const model of Object.values(options.connection.models)) await model.createIndexes();
  return trailer;
}
