import mongoose from "mongoose";
import { anyOf } from "../../server/src/db/anyOf.js";
import { connectDatabase, disconnectDatabase } from "../../server/src/db/connectDatabase.js";
import { findFreePort } from "../../server/src/db/freePort.js";
import { Attendance } from "../../server/src/models/Attendance.js";
import { RoomMessage } from "../../server/src/models/RoomMessage.js";
import { User } from "../../server/src/models/User.js";
import type { RoomMessageAck } from "@forum/shared";
import { DEMO } from "../support/http.js";
import { ChatLog, followRoom, openRoom, plannedMeetingOf, sendUntilStored, until } from "../support/rooms.js";
import { connectAs, type ForumClient } from "../support/sockets.js";
import { testClientOptions, testDatabaseName, testMongoUri } from "../support/testDatabase.js";
import { spawnForum } from "../support/testServer.js";

const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const COUNT = 60;
const dbName = testDatabaseName("roomrestart");
const sockets: ForumClient[] = [];
let stopForum: () => void = () => undefined;

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  stopForum();
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await disconnectDatabase();
});

it("a server killed mid-session comes back: clients reconnect and resync, nothing acknowledged is lost", async () => {
  // The same port after the restart, as behind a proxy: the browsers reconnect to the same address.
  // And the same session secret (in production it is kept in DATA_DIR, which each test start makes anew).
  const env = { PORT: String(await findFreePort()), SESSION_SECRET: "sekret-sesji-testu-restartu-pokoju-0123456789" };
  let forum = await spawnForum({ dbName, seed: true, env });
  stopForum = () => forum.child.kill("SIGKILL");
  await connectDatabase(testMongoUri(), { dbName, ...testClientOptions() });
  const meetingId = await plannedMeetingOf("gwd-malopolska", 0);
  await openRoom(forum.url, meetingId);

  const anna = await connectAs(forum.url, DEMO.memberA);
  const piotr = await connectAs(forum.url, PIOTR);
  sockets.push(anna, piotr);
  const piotrLog = new ChatLog();
  followRoom(anna, meetingId, new ChatLog());
  const piotrJoins = followRoom(piotr, meetingId, piotrLog);
  await until(() => piotrJoins.joins === 1);

  // A stay a crashed process left open long ago: the restarted server ends it at its last sign of life.
  const staleSeenAt = new Date(Date.now() - 10 * 60_000);
  const stale = await Attendance.create({
    meetingId,
    userId: (await User.findOne({ email: PIOTR }).lean())?._id,
    connectionId: "crashed-connection",
    joinedAt: new Date(staleSeenAt.getTime() - 30 * 60_000),
    seenAt: staleSeenAt,
  });

  const texts = Array.from({ length: COUNT }, (_unused, index) => `Przed i po restarcie ${index + 1}`);
  const clientIds = texts.map((_text, index) => `restart-${index}`);
  const acks: RoomMessageAck[] = [];
  for (let index = 0; index < COUNT; index += 1) {
    if (index === 25) {
      // A crash, not a polite shutdown: no disconnect handlers run, nothing is flushed.
      forum.child.kill("SIGKILL");
      await forum.exited;
      forum = await spawnForum({ dbName, seed: false, env });
    }
    acks.push(await sendUntilStored(anna, meetingId, texts[index] ?? "", clientIds[index] ?? "", 200));
  }

  const stored = await RoomMessage.find({ meetingId, clientId: anyOf(clientIds) })
    .sort({ seq: 1 })
    .lean();
  expect(stored.map((message) => message.text)).toEqual(texts);
  expect(stored.map((message) => message.seq)).toEqual(acks.map((ack) => ack.message?.seq));

  await until(() => stored.every((message) => piotrLog.bySeq.has(message.seq)), 30_000);
  expect(piotrJoins.joins).toBeGreaterThanOrEqual(2);
  const seen = piotrLog.ordered().filter((message) => message.clientId.startsWith("restart-"));
  expect(seen.map((message) => message.text)).toEqual(texts);

  const closed = await Attendance.findById(stale._id).lean();
  expect(closed?.leftAt?.getTime()).toBe(staleSeenAt.getTime());
}, 240_000);
