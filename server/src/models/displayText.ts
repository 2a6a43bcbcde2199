import mongoose, { type Schema } from "mongoose";
import { withoutBidiControls } from "@forum/shared";

/** The queries that hand documents to the code that presents them. */
const READS = ["find", "findOne", "findOneAndUpdate", "findOneAndReplace", "findOneAndDelete"] as const;

const cleaned = (value: unknown): unknown => (typeof value === "string" ? withoutBidiControls(value) : value);

function cleanDocument(document: unknown, paths: readonly string[]): void {
  if (document === null || typeof document !== "object") return;
  if (document instanceof mongoose.Document) {
    for (const path of paths) {
      const value: unknown = document.get(path);
      if (typeof value === "string" && cleaned(value) !== value) document.set(path, cleaned(value));
    }
    return;
  }
  const plain = document as Record<string, unknown>;
  for (const path of paths) if (typeof plain[path] === "string") plain[path] = cleaned(plain[path]);
}

/**
 * Names and titles shown to other people (`paths`, top-level string fields) carry no bidirectional formatting
 * characters (see `withoutBidiControls`): they are dropped on every write through the model, and from what every
 * query reads (lean or not), so a name stored before the shared schemas dropped them, or written past the model
 * (a restore, a raw insert), is still shown as typed in the API, live pushes, e-mails and CSV files alike.
 */
export function displayTextFields(schema: Schema, paths: readonly string[]): void {
  for (const path of paths) schema.path(path).set(cleaned);
  schema.post([...READS], function (result: unknown) {
    if (Array.isArray(result)) for (const document of result) cleanDocument(document, paths);
    else cleanDocument(result, paths);
  });
}
