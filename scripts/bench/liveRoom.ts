/**
 * Load test of one live room: N participants (300 by default) in one meeting's room, each sending
 * chat messages at a set rate. Prints the delivery latency from send to every other participant
 * (p50/p95/p99), delivered messages per second, the server's CPU use and its memory per connection.
 *
 *   npm run bench:room                                   # 300 participants, 1 message / 50 s each, 60 s
 *   npm run bench:room -- --participants 100 --rate 0.5 --duration 20
 *   BENCH_PARTICIPANTS=50 BENCH_RATE=1 BENCH_DURATION=10 npm run bench:room
 *
 * It starts the server as `npm start` does (its own process, `server/src/main.ts`) on MONGODB_URI
 * when set, else on the chain the server uses (embedded MongoDB, then FerretDB), in a database of
 * its own (BENCH_DB, default forum_bench_live_room) that it drops before and after. With REDIS_URL
 * set the server uses the Redis adapter, as a scaled-out deployment does. The participants are
 * written straight into the database (one password hash for all) and sign in through the login
 * route, a few at a time; the server trusts X-Forwarded-For so each signs in from an address of
 * its own (the per-address sign-in limit would otherwise stop the 101st). The server's memory is
 * read over an IPC channel by scripts/bench/memoryProbe.ts, loaded into it for the run only.
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import mongoose from "mongoose";
import { io as connect, type Socket } from "socket.io-client";
import type {
  ClientToServerEvents,
  RoomJoinAck,
  RoomMessageAck,
  RoomMessageView,
  ServerToClientEvents,
} from "@forum/shared";
import { connectDatabase, disconnectDatabase, redactUri } from "../../server/src/db/connectDatabase.js";
import { findDatabase } from "../../server/src/db/findDatabase.js";
import "../../server/src/models/index.js";
import { Group } from "../../server/src/models/Group.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { Membership } from "../../server/src/models/Membership.js";
import { User } from "../../server/src/models/User.js";
import { hashPassword } from "../../server/src/infra/passwords.js";
import type { MemoryReading } from "./memoryProbe.js";

type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PASSWORD = "Bench-Haslo-2026!";
const SIGN_IN_CONCURRENCY = 8;
const CONNECT_CONCURRENCY = 20;
/** After the last send: at most this long for the outstanding acknowledgements, then a little for the pushes. */
const ACK_WAIT_MS = 120_000;
const PUSH_WAIT_MS = 2_000;

const { values: flags } = parseArgs({
  options: {
    participants: { type: "string", short: "n" },
    rate: { type: "string", short: "r" },
    duration: { type: "string", short: "d" },
  },
});
const positive = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
};
const PARTICIPANTS = Math.floor(positive(flags.participants ?? process.env.BENCH_PARTICIPANTS, 300));
/** Messages per second each participant sends: by default one every 50 s, 6 lines a second in a room of 300. */
const RATE = positive(flags.rate ?? process.env.BENCH_RATE, 0.02);
const DURATION_S = positive(flags.duration ?? process.env.BENCH_DURATION, 60);
const DB_NAME = process.env.BENCH_DB ?? "forum_bench_live_room";

/** The server process under test (its memory is read during the run). */
let server: ChildProcess | undefined;

const say = (message: string) => console.log(message);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function inBatches<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index] as T, index);
      }
    }),
  );
  return results;
}

/** A group, its N members and its meeting with the room open, written straight into the database. */
async function buildRoom(): Promise<{ meetingId: string; emails: string[] }> {
  const group = await Group.create({ slug: "gwd-bench", name: "GWD — test obciążenia", cohort: "2026" });
  const passwordHash = await hashPassword(PASSWORD);
  const people = Array.from({ length: PARTICIPANTS }, (_, index) => ({
    email: `uczestnik${index + 1}@bench.forum-jst.pl`,
    username: `uczestnik${index + 1}`,
    name: `Uczestnik ${index + 1}`,
    passwordHash,
    role: "member",
    status: "active",
  }));
  const users = await User.insertMany(people);
  await Membership.insertMany(users.map((user) => ({ groupId: group._id, userId: user._id, role: "member" })));
  const now = Date.now();
  const meeting = await Meeting.create({
    groupId: group._id,
    number: 1,
    title: "Spotkanie testu obciążenia",
    startsAt: new Date(now - 3_600_000),
    endsAt: new Date(now + 86_400_000),
    status: "live",
    room: { openedAt: new Date(now) },
  });
  return { meetingId: meeting._id.toString(), emails: people.map((person) => person.email) };
}

/** The server as `npm start` runs it, with the memory probe loaded and an IPC channel to read it. */
async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(path.join(REPO_ROOT, "server/src/main.ts"), [], {
    cwd: REPO_ROOT,
    execArgv: ["--expose-gc", "--import", "tsx", "--import", path.join(REPO_ROOT, "scripts/bench/memoryProbe.ts")],
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Forum Współpracy JST działa: (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      onData(chunk);
      process.stderr.write(chunk);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
  return { url, child };
}

const readMemory = (child: ChildProcess): Promise<MemoryReading> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no memory reading from the server")), 10_000);
    child.once("message", (reading) => {
      clearTimeout(timer);
      resolve(reading as MemoryReading);
    });
    child.send("memory");
  });

/** CPU seconds (user + system) the process has used, from /proc (Linux). */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14 and 15 of stat (utime, stime), counted after the command name's closing parenthesis.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const cookiesOf = (response: Response): string =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");

async function signIn(url: string, email: string, index: number): Promise<string> {
  // An address of its own for each participant (the server trusts X-Forwarded-For in this run).
  const forwardedFor = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
  const csrf = await fetch(`${url}/api/auth/csrf`, { headers: { "X-Forwarded-For": forwardedFor } });
  const { token } = (await csrf.json()) as { token: string };
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "x-csrf-token": token,
      Cookie: cookiesOf(csrf),
      "X-Forwarded-For": forwardedFor,
    },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${email}: ${login.status} ${await login.text()}`);
  return cookiesOf(login);
}

async function joinRoom(url: string, cookie: string, meetingId: string): Promise<RoomSocket> {
  const socket: RoomSocket = connect(url, {
    transports: ["websocket"],
    extraHeaders: { Cookie: cookie },
    forceNew: true,
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  const ack = await new Promise<RoomJoinAck>((resolve) =>
    socket.emit("room.join", { meetingId, afterSeq: null }, resolve),
  );
  if (!ack.ok) throw new Error(`room.join refused: ${ack.error ?? "?"}`);
  return socket;
}

interface Sent {
  at: number;
  sender: number;
}

interface ChatRun {
  sent: number;
  acknowledged: number;
  refused: number;
  delivered: number;
  /** From send to each other participant's push, sorted (ms). */
  latencies: number[];
  /** From send to the sender's acknowledgement, sorted (ms). */
  ackLatencies: number[];
  sendingSeconds: number;
  /** Sending plus waiting for the queued messages. */
  totalSeconds: number;
  cpuSeconds: number;
  peakMemory: MemoryReading | null;
}

/** Every participant sends at RATE for DURATION_S; every push to every other participant is timed. */
async function chat(sockets: RoomSocket[], meetingId: string, serverPid: number): Promise<ChatRun> {
  const sent = new Map<string, Sent>();
  const run: ChatRun = {
    sent: 0,
    acknowledged: 0,
    refused: 0,
    delivered: 0,
    latencies: [],
    ackLatencies: [],
    sendingSeconds: 0,
    totalSeconds: 0,
    cpuSeconds: 0,
    peakMemory: null,
  };
  let measuring = true;
  sockets.forEach((socket, receiver) => {
    socket.on("room.message", (message: RoomMessageView) => {
      const origin = sent.get(message.clientId);
      if (!origin || origin.sender === receiver || !measuring) return;
      run.delivered += 1;
      run.latencies.push(Date.now() - origin.at);
    });
  });

  const intervalMs = 1000 / RATE;
  const cpuBefore = await cpuSeconds(serverPid);
  const startedAt = Date.now();
  const sendUntil = startedAt + DURATION_S * 1000;
  await Promise.all(
    sockets.map(async (socket, sender) => {
      // Spread the first sends over one interval so the participants do not send in lockstep.
      let next = startedAt + Math.random() * intervalMs;
      while (next < sendUntil) {
        await sleep(Math.max(0, next - Date.now()));
        const clientId = randomUUID();
        const at = Date.now();
        sent.set(clientId, { at, sender });
        run.sent += 1;
        socket.emit(
          "room.message",
          { meetingId, clientId, text: `Wiadomość testowa ${run.sent} od uczestnika ${sender + 1}` },
          (ack: RoomMessageAck) => {
            if (ack.ok) {
              run.acknowledged += 1;
              run.ackLatencies.push(Date.now() - at);
            } else run.refused += 1;
          },
        );
        next += intervalMs;
      }
    }),
  );
  run.sendingSeconds = (Date.now() - startedAt) / 1000;
  run.peakMemory = server ? await readMemory(server) : null;
  // A server slower than the sending rate queues messages: wait for them, so every one sent is judged.
  const ackDeadline = Date.now() + ACK_WAIT_MS;
  while (run.acknowledged + run.refused < run.sent && Date.now() < ackDeadline) await sleep(200);
  await sleep(PUSH_WAIT_MS);
  measuring = false;
  run.cpuSeconds = (await cpuSeconds(serverPid)) - cpuBefore;
  run.totalSeconds = (Date.now() - startedAt) / 1000;
  run.latencies.sort((a, b) => a - b);
  run.ackLatencies.sort((a, b) => a - b);
  return run;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "forum-bench-room-"));
  const database = await findDatabase({
    mongodbUri: process.env.MONGODB_URI || undefined,
    purpose: "test",
    dataDir,
    skipEmbeddedMongo: process.env.FORUM_SKIP_EMBEDDED_MONGODB === "1",
    log: say,
  });
  say(`Baza: ${database.kind} (${redactUri(database.uri)}), baza danych ${DB_NAME}`);
  const sockets: RoomSocket[] = [];
  try {
    await connectDatabase(database.uri, { dbName: DB_NAME, ...database.clientOptions });
    // A leftover from an interrupted run would skew the figures: start empty, with the indexes.
    await mongoose.connection.db?.dropDatabase();
    await Promise.all(Object.values(mongoose.models).map((model) => model.createIndexes()));
    const { meetingId, emails } = await buildRoom();
    say(`Uczestników: ${PARTICIPANTS}, ${RATE} wiadomości/s każdy, przez ${DURATION_S} s.`);

    // An external FerretDB needs a pool of 1 (see .env.example): pass MONGODB_MAX_POOL_SIZE=1 with MONGODB_URI.
    const poolSize = process.env.MONGODB_MAX_POOL_SIZE || database.clientOptions.maxPoolSize;
    const started = await startServer({
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: "0",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      MONGODB_URI: database.uri,
      MONGODB_DB: DB_NAME,
      SEED_DEMO: "never",
      SESSION_SECRET: randomBytes(32).toString("hex"),
      TRUST_PROXY: "true",
      ...(poolSize ? { MONGODB_MAX_POOL_SIZE: String(poolSize) } : {}),
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    });
    server = started.child;
    const { url } = started;

    const atStart = await readMemory(server);
    let startedAt = Date.now();
    const cookies = await inBatches(emails, SIGN_IN_CONCURRENCY, (email, index) => signIn(url, email, index));
    say(`Zalogowano ${cookies.length} osób w ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);

    const signedIn = await readMemory(server);
    startedAt = Date.now();
    sockets.push(...(await inBatches(cookies, CONNECT_CONCURRENCY, (cookie) => joinRoom(url, cookie, meetingId))));
    say(`Połączono i wpuszczono do pokoju ${sockets.length} osób w ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
    // Presence pushes after the joins settle before memory is read.
    await sleep(3_000);
    const connected = await readMemory(server);

    const run = await chat(sockets, meetingId, server.pid ?? 0);
    const peak = run.peakMemory ?? connected;
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(run.latencies, p).toFixed(0));
    const [a50, a95, a99] = [50, 95, 99].map((p) => percentile(run.ackLatencies, p).toFixed(0));
    const expected = run.acknowledged * (PARTICIPANTS - 1);
    const share = ((100 * run.delivered) / Math.max(1, expected)).toFixed(2);
    const line = (label: string, value: string) => say(`  ${label.padEnd(30)}${value}`);
    const memory = (reading: MemoryReading) => `RSS ${mib(reading.rssBytes)}, sterta ${mib(reading.heapUsedBytes)}`;

    say(
      `\nWyniki (${PARTICIPANTS} uczestników, ${RATE}/s każdy, ${database.kind}${process.env.REDIS_URL ? ", Redis" : ""}):`,
    );
    line(
      "wysłane wiadomości:",
      `${run.sent} w ${run.sendingSeconds.toFixed(1)} s (${(run.sent / run.sendingSeconds).toFixed(1)}/s)`,
    );
    line("potwierdzone / odrzucone:", `${run.acknowledged} / ${run.refused}`);
    line("doręczenia:", `${run.delivered} z ${expected} oczekiwanych (${share}%)`);
    line("doręczenia/s:", (run.delivered / run.totalSeconds).toFixed(0));
    line("opóźnienie doręczenia (ms):", `p50 ${p50}  p95 ${p95}  p99 ${p99}`);
    line("potwierdzenie nadawcy (ms):", `p50 ${a50}  p95 ${a95}  p99 ${a99}`);
    line("CPU serwera:", `${((100 * run.cpuSeconds) / run.totalSeconds).toFixed(0)}% jednego rdzenia`);
    line("pamięć serwera na starcie:", memory(atStart));
    line(`po zalogowaniu ${PARTICIPANTS} osób:`, memory(signedIn));
    line(`po wejściu ${PARTICIPANTS} do pokoju:`, memory(connected));
    line("w trakcie wysyłania:", memory(peak));
    // Heap after a full GC: RSS moves by tens of MiB on its own (argon2 at sign-in leaves freed memory mapped).
    line("na połączenie:", `sterta ${kib((connected.heapUsedBytes - signedIn.heapUsedBytes) / PARTICIPANTS)} (po GC)`);
  } finally {
    for (const socket of sockets) socket.disconnect();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    if (process.env.BENCH_KEEP !== "1") await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await disconnectDatabase();
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
