import { mkdir } from "node:fs/promises";
import path from "node:path";
import mongoose from "mongoose";
import { openDatabase } from "../db/openDatabase.js";
import { loadEnvironment } from "../loadEnvironment.js";
import "../models/index.js";
import { recordBackup } from "./backupRecord.js";
import { fileStores } from "./fileStores.js";
import { writeBackup } from "./writeBackup.js";

const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "").replace("T", "-");

/** `npm run backup [-- FILE]`: the database and stored files into one file (default DATA_DIR/backups/). */
async function backupCommand(): Promise<void> {
  const config = loadEnvironment();
  const say = (message: string) => process.stdout.write(`${message}\n`);
  const target = path.resolve(
    process.argv[2] ?? path.join(config.DATA_DIR, "backups", `forum-jst-${stamp(new Date())}.jsonl.gz`),
  );
  await mkdir(path.dirname(target), { recursive: true });
  const { close } = await openDatabase(config, say);
  try {
    const takeBack = await recordBackup(target);
    const trailer = await writeBackup({
      connection: mongoose.connection,
      stores: fileStores(config),
      file: target,
    }).catch(async (error: unknown) => {
      await takeBack();
      throw error;
    });
    const documents = Object.values(trailer.collections).reduce((sum, entry) => sum + entry.count, 0);
    say(
      `Kopia zapisana: ${target}\n  kolekcje: ${Object.keys(trailer.collections).length}, dokumenty: ${documents}, pliki: ${Object.keys(trailer.files).length}`,
    );
  } finally {
    await close();
  }
}

backupCommand().catch((error: unknown) => {
  process.stderr.write(`Nie udało się wykonać kopii: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
