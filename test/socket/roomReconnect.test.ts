import type { RoomMessageAck } from "@forum/shared";
import { anyOf } from "../../server/src/db/anyOf.js";
import { RoomMessage } from "../../server/src/models/RoomMessage.js";
import { DEMO } from "../support/http.js";
import { ChatLog, followRoom, openRoom, plannedMeetingOf, sendUntilStored, until } from "../support/rooms.js";
import { connectAs, type ForumClient } from "../support/sockets.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const COUNT = 200;

let server: TestServer;
let meetingId = "";
const sockets: ForumClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "roomreconnect" });
  meetingId = await plannedMeetingOf("gwd-malopolska", 0);
  await openRoom(server.url, meetingId);
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server?.stop();
});

it(`a participant whose connection drops while ${COUNT} messages are sent ends with all of them, once, in order`, async () => {
  const anna = await connectAs(server.url, DEMO.memberA);
  const piotr = await connectAs(server.url, PIOTR);
  sockets.push(anna, piotr);
  const annaLog = new ChatLog();
  const piotrLog = new ChatLog();
  followRoom(anna, meetingId, annaLog);
  const piotrJoins = followRoom(piotr, meetingId, piotrLog);
  await until(() => piotrJoins.joins === 1);

  const run = Date.now().toString(36);
  const texts = Array.from({ length: COUNT }, (_unused, index) => `Wiadomość ${index + 1} (${run})`);
  const clientIds = texts.map((_text, index) => `reconnect-${run}-${index}`);
  const acks: RoomMessageAck[] = [];
  for (let index = 0; index < COUNT; index += 1) {
    // Piotr leaves the network for a long stretch, then drops once more as a flaky line would.
    if (index === 20) piotr.disconnect();
    if (index === 150) piotr.connect();
    if (index === 170) piotr.io.engine.close();
    // Anna's own line breaks too, with messages in flight: she re-sends them with the same clientId.
    if (index === 60 || index === 120) anna.io.engine.close();
    acks.push(await sendUntilStored(anna, meetingId, texts[index] ?? "", clientIds[index] ?? ""));
  }

  const seqs = acks.map((ack) => ack.message?.seq ?? 0);
  expect(seqs).toEqual(Array.from({ length: COUNT }, (_unused, index) => (seqs[0] ?? 0) + index));
  expect(await RoomMessage.countDocuments({ meetingId, clientId: anyOf(clientIds) })).toBe(COUNT);

  await until(() => texts.every((_text, index) => piotrLog.bySeq.has(seqs[index] ?? -1)));
  expect(piotrJoins.joins).toBeGreaterThanOrEqual(3);
  const received = piotrLog.ordered().filter((message) => message.text.endsWith(`(${run})`));
  expect(received.map((message) => message.text)).toEqual(texts);
  expect(received.map((message) => message.seq)).toEqual(seqs);
  await until(() => texts.every((_text, index) => annaLog.bySeq.has(seqs[index] ?? -1)));
  expect(
    annaLog
      .ordered()
      .filter((message) => message.text.endsWith(`(${run})`))
      .map((m) => m.text),
  ).toEqual(texts);
}, 120_000);
