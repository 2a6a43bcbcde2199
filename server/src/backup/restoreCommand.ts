import path from "node:path";
import mongoose from "mongoose";
import { openDatabase } from "../db/openDatabase.js";
import { loadEnvironment } from "../loadEnvironment.js";
import "../models/index.js";
import { fileStores } from "./fileStores.js";
import { RestoreError, restoreBackup } from "./restoreBackup.js";

/** `npm run restore -- FILE`: a backup into an empty database (stop the server first). */
async function restoreCommand(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("Użycie: npm run restore -- ŚCIEŻKA_DO_PLIKU_KOPII\n");
    process.exit(2);
  }
  const config = loadEnvironment();
  const say = (message: string) => process.stdout.write(`${message}\n`);
  const { close } = await openDatabase(config, say);
  try {
    const trailer = await restoreBackup({
      connection: mongoose.connection,
      stores: fileStores(config),
      file: path.resolve(file),
    });
    const documents = Object.values(trailer.collections).reduce((sum, entry) => sum + entry.count, 0);
    say(`Kopia odtworzona: dokumenty ${documents}, pliki ${Object.keys(trailer.files).length}.`);
  } finally {
    await close();
  }
}

restoreCommand().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(error instanceof RestoreError ? `${message}\n` : `Nie udało się odtworzyć kopii: ${message}\n`);
  process.exit(1);
});
