import type TestAgent from "supertest/lib/agent.js";
import type { RoomPollView, RoomQuestionView, ServerToClientEvents } from "@forum/shared";
import { DEMO, signedInAgent } from "../support/http.js";
import { joinRoom, nextPush, openRoom, plannedMeetingOf } from "../support/rooms.js";
import { connectAs, type ForumClient } from "../support/sockets.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const PIOTR = "piotr.mazur@demo.forum-jst.pl";

let server: TestServer;
let meetingId = "";
let anna: TestAgent;
let piotr: TestAgent;
let moderator: TestAgent;
/** Sockets in the room: a member, another member, the moderator; and a member who did not join. */
let annaSocket: ForumClient;
let piotrSocket: ForumClient;
let moderatorSocket: ForumClient;
let outsideSocket: ForumClient;
const sockets: ForumClient[] = [];

async function inRoom(email: string): Promise<ForumClient> {
  const socket = await connectAs(server.url, email);
  sockets.push(socket);
  const ack = await joinRoom(socket, meetingId);
  if (!ack.ok) throw new Error(`${email} could not join: ${ack.error}`);
  return socket;
}

/** Everything of one event a socket receives from now on. */
function record<Event extends "room.question" | "room.questionRemoved" | "room.poll">(
  socket: ForumClient,
  event: Event,
): Parameters<ServerToClientEvents[Event]>[0][] {
  const received: Parameters<ServerToClientEvents[Event]>[0][] = [];
  socket.on(event, ((payload: Parameters<ServerToClientEvents[Event]>[0]) => received.push(payload)) as never);
  return received;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const questionsUrl = () => `/api/meetings/${meetingId}/room/questions`;
const pollsUrl = () => `/api/meetings/${meetingId}/room/polls`;

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "roomQaPushes" });
  meetingId = await plannedMeetingOf("gwd-malopolska");
  await openRoom(server.url, meetingId);
  [anna, piotr, moderator] = await Promise.all([
    signedInAgent(server.url, DEMO.memberA),
    signedInAgent(server.url, PIOTR),
    signedInAgent(server.url, DEMO.moderator),
  ]);
  annaSocket = await inRoom(DEMO.memberA);
  piotrSocket = await inRoom(PIOTR);
  moderatorSocket = await inRoom(DEMO.moderator);
  // Connected, a reader of the group, but not in the room: room pushes are not for them.
  outsideSocket = await connectAs(server.url, "magdalena.wojcik@demo.forum-jst.pl");
  sockets.push(outsideSocket);
}, 120_000);
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server?.stop();
});

describe("questions", () => {
  it("a new question and its votes reach everyone in the room, without anyone's own vote", async () => {
    const outside = record(outsideSocket, "room.question");
    const atPiotr = nextPush(piotrSocket, "room.question", (p) => p.question.text === "Kiedy nabór wniosków?");
    const asked = await anna.post(questionsUrl()).send({ text: "Kiedy nabór wniosków?" });
    expect(asked.status).toBe(201);
    const pushed = await atPiotr;
    expect(pushed).toMatchObject({ meetingId, question: { id: asked.body.question.id, voteCount: 0, status: "open" } });
    const voted = nextPush(annaSocket, "room.question", (p) => p.question.id === asked.body.question.id);
    await piotr.post(`${questionsUrl()}/${asked.body.question.id}/vote`);
    expect((await voted).question).toMatchObject({ voteCount: 1, votedByMe: false });
    await sleep(300);
    expect(outside).toHaveLength(0);
  });

  it("a hidden question leaves the members' lists and reaches only moderators in full", async () => {
    const asked = await piotr.post(questionsUrl()).send({ text: "Pytanie do ukrycia w pokoju?" });
    const id = asked.body.question.id as string;
    await sleep(300);
    const annaQuestions = record(annaSocket, "room.question");
    const annaRemoved = nextPush(annaSocket, "room.questionRemoved", (p) => p.questionId === id);
    const atModerator = nextPush(moderatorSocket, "room.question", (p) => p.question.id === id);
    const moderatorRemoved = record(moderatorSocket, "room.questionRemoved");
    expect((await moderator.post(`${questionsUrl()}/${id}/hide`)).status).toBe(200);
    expect(await annaRemoved).toEqual({ meetingId, questionId: id });
    expect((await atModerator).question.status).toBe("hidden");
    await sleep(300);
    expect(annaQuestions.filter((p) => p.question.id === id)).toHaveLength(0);
    expect(moderatorRemoved).toHaveLength(0);
    // A member who (re)joins gets no hidden question in the snapshot; the moderator does.
    const rejoin = await joinRoom(annaSocket, meetingId);
    expect(rejoin.snapshot?.questions.map((q: RoomQuestionView) => q.id)).not.toContain(id);
    const moderatorRejoin = await joinRoom(moderatorSocket, meetingId);
    expect(moderatorRejoin.snapshot?.questions.find((q: RoomQuestionView) => q.id === id)?.status).toBe("hidden");
  });

  it("an answer reaches the room with its note", async () => {
    const asked = await anna.post(questionsUrl()).send({ text: "Czy będą materiały?" });
    const id = asked.body.question.id as string;
    const atPiotr = nextPush(
      piotrSocket,
      "room.question",
      (p) => p.question.id === id && p.question.status === "answered",
    );
    await moderator.post(`${questionsUrl()}/${id}/answer`).send({ answer: "Tak, po spotkaniu." });
    expect((await atPiotr).question.answer).toBe("Tak, po spotkaniu.");
  });
});

describe("polls", () => {
  it("a prepared poll reaches only moderators; opening it reaches everyone", async () => {
    const annaPolls = record(annaSocket, "room.poll");
    const atModerator = nextPush(moderatorSocket, "room.poll", (p) => p.poll.question === "Ankieta robocza w pokoju?");
    const created = await moderator
      .post(pollsUrl())
      .send({ question: "Ankieta robocza w pokoju?", options: ["Tak", "Nie"] });
    expect(created.status).toBe(201);
    expect((await atModerator).poll.status).toBe("draft");
    await sleep(300);
    expect(annaPolls).toHaveLength(0);
    const opened = nextPush(annaSocket, "room.poll", (p) => p.poll.id === created.body.poll.id);
    await moderator.post(`${pollsUrl()}/${created.body.poll.id}/open`);
    expect((await opened).poll).toMatchObject({ status: "open", totalVotes: 0, myVote: [] });
  });

  it("live results reach everyone as people vote", async () => {
    const created = await moderator.post(pollsUrl()).send({ question: "Wyniki na żywo?", options: ["A", "B", "C"] });
    const poll = created.body.poll as RoomPollView;
    await moderator.post(`${pollsUrl()}/${poll.id}/open`);
    await sleep(300);
    const annaPolls = record(annaSocket, "room.poll");
    await anna.post(`${pollsUrl()}/${poll.id}/vote`).send({ optionIds: [poll.options[0]?.id] });
    await piotr.post(`${pollsUrl()}/${poll.id}/vote`).send({ optionIds: [poll.options[2]?.id] });
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && annaPolls.at(-1)?.poll.totalVotes !== 2) await sleep(100);
    expect(annaPolls.at(-1)?.poll.options.map((o) => o.votes)).toEqual([1, 0, 1]);
    expect(annaPolls.at(-1)?.poll.myVote).toEqual([]);
  });

  it("results kept until closing reach members only when the poll closes; moderators see them at once", async () => {
    const created = await moderator
      .post(pollsUrl())
      .send({ question: "Wyniki po zamknięciu?", options: ["A", "B"], resultsVisibility: "afterClose" });
    const poll = created.body.poll as RoomPollView;
    await moderator.post(`${pollsUrl()}/${poll.id}/open`);
    await sleep(300);
    const annaPolls = record(annaSocket, "room.poll");
    const moderatorPolls = record(moderatorSocket, "room.poll");
    await piotr.post(`${pollsUrl()}/${poll.id}/vote`).send({ optionIds: [poll.options[1]?.id] });
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && (annaPolls.length === 0 || moderatorPolls.length === 0)) await sleep(100);
    expect(annaPolls.at(-1)?.poll).toMatchObject({ status: "open", totalVotes: null });
    expect(annaPolls.at(-1)?.poll.options.every((o) => o.votes === null)).toBe(true);
    expect(moderatorPolls.at(-1)?.poll).toMatchObject({ status: "open", totalVotes: 1 });
    // The moderator is in both rooms but gets one push per change (not a blind one after the full one).
    expect(moderatorPolls.every((p) => p.poll.totalVotes !== null)).toBe(true);
    const closed = nextPush(annaSocket, "room.poll", (p) => p.poll.id === poll.id && p.poll.status === "closed");
    await moderator.post(`${pollsUrl()}/${poll.id}/close`);
    const result = (await closed).poll;
    expect(result.totalVotes).toBe(1);
    expect(result.options.map((o) => o.votes)).toEqual([0, 1]);
  });

  it("many votes in a burst are folded into a few pushes that end on the final count", async () => {
    const created = await moderator
      .post(pollsUrl())
      .send({ question: "Głosowanie seryjne?", options: ["A", "B"], multiple: true });
    const poll = created.body.poll as RoomPollView;
    await moderator.post(`${pollsUrl()}/${poll.id}/open`);
    await sleep(300);
    const annaPolls = record(annaSocket, "room.poll");
    // Three voters at once: the first push goes out, the rest are folded into one at the end of the pause
    // (unless the machine is so slow that the votes land more than half a second apart).
    await Promise.all([
      anna.post(`${pollsUrl()}/${poll.id}/vote`).send({ optionIds: [poll.options[0]?.id] }),
      piotr.post(`${pollsUrl()}/${poll.id}/vote`).send({ optionIds: [poll.options[1]?.id] }),
      moderator.post(`${pollsUrl()}/${poll.id}/vote`).send({ optionIds: [poll.options[0]?.id, poll.options[1]?.id] }),
    ]);
    await sleep(1_500);
    const mine = annaPolls.filter((p) => p.poll.id === poll.id);
    expect(mine.at(-1)?.poll.totalVotes).toBe(3);
    expect(mine.at(-1)?.poll.options.map((o) => o.votes)).toEqual([2, 2]);
    // Folding itself is unit-tested (keyedThrottle.test.ts); here: never more pushes than votes.
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(mine.length).toBeLessThanOrEqual(3);
  });
});
