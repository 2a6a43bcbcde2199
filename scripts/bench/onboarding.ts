/**
 * Benchmark of onboarding a cohort from a participant list: writes an XLSX of N people (as Excel
 * would), then times the preview (reading, judging every row against TERYT, groups and accounts,
 * storing one document per row) and the sending (the claim-and-send loop of the sending job), and
 * reports the heap after a full collection at the end of each phase for a small and a large list,
 * so a list's size shows in the time and not in the memory.
 *
 *   npm run bench:onboarding                   # 250 and 1,000 rows
 *   BENCH_ROWS=5000 npm run bench:onboarding   # 250 and 5,000 rows
 *   BENCH_SEND=0 npm run bench:onboarding      # the preview only (sending is timed per row at 250)
 *
 * Mail delivery is outside the figures: no SMTP transport is subscribed here, so each invitation is
 * created and recorded as an event exactly as in the forum, and its e-mail is not sent.
 * It uses MONGODB_URI when set, else the chain the server uses, in a database of its own
 * (BENCH_DB, default forum_bench_onboarding) that it drops before and after.
 */
import os from "node:os";
import path from "node:path";
import { mkdtemp, rm } from "node:fs/promises";
import ExcelJS from "exceljs";
import mongoose from "mongoose";
import { connectDatabase, disconnectDatabase, redactUri } from "../../server/src/db/connectDatabase.js";
import { findDatabase } from "../../server/src/db/findDatabase.js";
import "../../server/src/models/index.js";
import { loadConfig } from "../../server/src/config.js";
import { Jst } from "../../server/src/models/Jst.js";
import { User } from "../../server/src/models/User.js";
import { OnboardingImport } from "../../server/src/models/OnboardingImport.js";
import { importTeryt } from "../../server/src/seed/importTeryt.js";
import { cohortCreator } from "../../server/src/commands/cohortCreator.js";
import { groupCreator } from "../../server/src/commands/groupCreator.js";
import { onboardingImporter } from "../../server/src/commands/onboardingImporter.js";
import { onboardingSendRequester } from "../../server/src/commands/onboardingSendRequester.js";
import { sendRequestedLists } from "../../server/src/jobs/onboardingSending.js";
import { createLogger } from "../../server/src/logger.js";

const positiveInt = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
};

const LARGE = positiveInt(process.argv[2] ?? process.env.BENCH_ROWS, 1_000);
const SMALL = Math.min(250, LARGE);
const GROUPS = 40;
const SEND = process.env.BENCH_SEND !== "0";
const DB_NAME = process.env.BENCH_DB ?? "forum_bench_onboarding";
const say = (message: string) => console.log(message);
const collect = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  collect?.();
  return process.memoryUsage().heapUsed / 1_048_576;
}

async function participantList(rows: number, terytCodes: string[], run: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Uczestnicy");
  sheet.addRow(["Imię", "Nazwisko", "E-mail", "Kod TERYT", "Stanowisko", "Grupa"]);
  for (let index = 0; index < rows; index += 1) {
    sheet.addRow([
      "Zofia",
      `Nowicka-${index}`,
      `osoba.${run}.${index}@example.pl`,
      terytCodes[index % terytCodes.length],
      "Inspektorka ds. oświaty",
      `gwd-bench-${index % GROUPS}`,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function measure(rows: number, terytCodes: string[], actorId: mongoose.Types.ObjectId) {
  const content = await participantList(rows, terytCodes, String(rows));
  const before = heapMb();
  const previewStarted = performance.now();
  const list = await onboardingImporter({ fileName: `lista-${rows}.xlsx`, content, cohortId: null, actorId });
  const previewMs = performance.now() - previewStarted;
  const afterPreview = heapMb() - before;
  let sendMs = Number.NaN;
  let afterSend = Number.NaN;
  if (SEND) {
    await onboardingSendRequester({ list, actorId });
    const sendStarted = performance.now();
    const logger = createLogger({ LOG_LEVEL: "warn", NODE_ENV: "production" });
    while ((await OnboardingImport.findById(list._id, { status: 1 }).lean())?.status !== "sent") {
      await sendRequestedLists({ validHours: 72, logger });
    }
    sendMs = performance.now() - sendStarted;
    afterSend = heapMb() - before;
  }
  return { rows, previewMs, sendMs, afterPreview, afterSend };
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "forum-bench-"));
  const database = await findDatabase({
    mongodbUri: process.env.MONGODB_URI || undefined,
    purpose: "test",
    dataDir,
    skipEmbeddedMongo: process.env.FORUM_SKIP_EMBEDDED_MONGODB === "1",
    log: say,
  });
  say(`Baza: ${database.kind} (${redactUri(database.uri)}), baza danych ${DB_NAME}`);
  if (!collect) say("(bez --expose-gc pamięć jest przybliżona)");
  try {
    await connectDatabase(database.uri, { dbName: DB_NAME, ...database.clientOptions });
    await mongoose.connection.db?.dropDatabase();
    await Promise.all(Object.values(mongoose.models).map((model) => model.createIndexes()));
    await importTeryt(loadConfig({}).TERYT_CSV);
    const gminy = await Jst.find({ type: "gmina_miejska" }, { teryt: 1 })
      .limit(GROUPS * 7)
      .lean();
    const terytCodes = gminy.map((jst) => jst.teryt);
    const coordinator = await User.create({
      email: "koordynatorka@example.pl",
      name: "Koordynatorka ZMP",
      passwordHash: "-",
      role: "moderator",
      status: "active",
    });
    const cohort = await cohortCreator({
      input: {
        name: "Etap II",
        description: "",
        startsOn: "2026-09-01",
        endsOn: "2028-06-30",
        sessionCount: 9,
        status: "running",
      },
      actorId: null,
    });
    for (let index = 0; index < GROUPS; index += 1) {
      await groupCreator({
        slug: `gwd-bench-${index}`,
        name: `GWD ${index}`,
        cohort: cohort.name,
        cohortId: cohort._id,
        description: "",
        jstIds: gminy.slice(index * 7, index * 7 + 7).map((jst) => jst._id),
        actorId: null,
      });
    }
    say(`\nwierszy   podgląd    wysyłka   sterta po podglądzie / po wysyłce (${database.kind})`);
    for (const rows of [SMALL, LARGE]) {
      const figures = await measure(rows, terytCodes, coordinator._id);
      say(
        `${String(rows).padStart(7)} ${(figures.previewMs / 1000).toFixed(1).padStart(8)} s ${(figures.sendMs / 1000)
          .toFixed(1)
          .padStart(8)} s   ${figures.afterPreview.toFixed(1)} MB / ${figures.afterSend.toFixed(1)} MB`,
      );
    }
  } finally {
    if (process.env.BENCH_KEEP !== "1") await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await disconnectDatabase();
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
