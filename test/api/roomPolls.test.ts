import mongoose from "mongoose";
import type TestAgent from "supertest/lib/agent.js";
import type { RoomPollView } from "@forum/shared";
import { Event } from "../../server/src/models/Event.js";
import { RoomPoll } from "../../server/src/models/RoomPoll.js";
import { RoomPollVote } from "../../server/src/models/RoomPollVote.js";
import { User } from "../../server/src/models/User.js";
import { loadActor } from "../../server/src/policies/index.js";
import { presentRoomPolls } from "../../server/src/presenters/roomPollPresenter.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { liveMeeting, plannedMeeting, setMuted } from "../support/roomQa.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const PIOTR = "piotr.mazur@demo.forum-jst.pl";

let server: TestServer;
let anna: TestAgent;
let piotr: TestAgent;
let marek: TestAgent;
let expert: TestAgent;
let moderator: TestAgent;
let visitor: TestAgent;
let meetingId = "";

const pollsUrl = () => `/api/meetings/${meetingId}/room/polls`;
const POLL = { question: "Który termin warsztatów?", options: ["Marzec", "Kwiecień", "Maj"] };

async function createPoll(body: object = POLL): Promise<RoomPollView> {
  const response = await moderator.post(pollsUrl()).send(body);
  expect(response.status).toBe(201);
  return response.body.poll as RoomPollView;
}

async function openPoll(body: object = POLL): Promise<RoomPollView> {
  const poll = await createPoll(body);
  const opened = await moderator.post(`${pollsUrl()}/${poll.id}/open`);
  expect(opened.status).toBe(200);
  return opened.body.poll as RoomPollView;
}

const vote = (agent: TestAgent, poll: RoomPollView, indexes: number[]) =>
  agent
    .post(`${pollsUrl()}/${poll.id}/vote`)
    .send({ optionIds: indexes.map((index) => poll.options[index]?.id ?? "") });

/** The polls as the room snapshot gives them to this person. */
async function pollsFor(email: string): Promise<RoomPollView[]> {
  const user = await User.findOne({ email }).lean();
  if (!user) throw new Error(email);
  return presentRoomPolls(new mongoose.Types.ObjectId(meetingId), await loadActor(user));
}

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "roomPolls" });
  [anna, piotr, marek, expert, moderator, visitor] = await Promise.all([
    signedInAgent(server.url, DEMO.memberA),
    signedInAgent(server.url, PIOTR),
    signedInAgent(server.url, DEMO.memberB),
    signedInAgent(server.url, DEMO.expert),
    signedInAgent(server.url, DEMO.moderator),
    csrfAgent(server.url),
  ]);
  meetingId = await liveMeeting(4);
}, 120_000);
afterAll(() => server?.stop());

describe("preparing a poll", () => {
  it("creates a draft only moderators see, with the defaults", async () => {
    const poll = await createPoll({ ...POLL, question: "  Ankieta robocza?  " });
    expect(poll).toMatchObject({
      question: "Ankieta robocza?",
      multiple: false,
      resultsVisibility: "live",
      status: "draft",
      totalVotes: 0,
      myVote: [],
    });
    expect(poll.options.map((option) => [option.text, option.votes])).toEqual([
      ["Marzec", 0],
      ["Kwiecień", 0],
      ["Maj", 0],
    ]);
    expect((await pollsFor(DEMO.memberA)).map((p) => p.id)).not.toContain(poll.id);
    expect((await pollsFor(DEMO.moderator)).map((p) => p.id)).toContain(poll.id);
    // A draft does not exist for members.
    expect((await vote(anna, poll, [0])).status).toBe(404);
    expect(await Event.countDocuments({ name: "roomPolls.create", subjectId: poll.id })).toBe(1);
  });

  it.each([
    [{}, /pytanie ankiety/],
    [{ question: "Ok?", options: ["Tylko jedna"] }, /co najmniej 2/],
    [{ question: "Ok?", options: Array.from({ length: 11 }, (_, i) => `Opcja ${i}`) }, /najwyżej 10/],
    [{ question: "Ok?", options: ["Tak", "tak"] }, /powtarzać/],
    [{ question: "Ok?", options: ["Tak", "  "] }, /pusta/],
    [{ ...POLL, resultsVisibility: "never" }, /kiedy pokazać/],
    [{ ...POLL, multiple: "tak" }, /rodzaj/],
  ])("refuses %j with 400", async (body, message) => {
    const response = await moderator.post(pollsUrl()).send(body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
  });

  it("is refused to members (403), experts (403), outsiders (404), visitors (401)", async () => {
    const before = await RoomPoll.countDocuments({ meetingId });
    expect((await anna.post(pollsUrl()).send(POLL)).status).toBe(403);
    expect((await expert.post(pollsUrl()).send(POLL)).status).toBe(403);
    expect((await marek.post(pollsUrl()).send(POLL)).status).toBe(404);
    expect((await visitor.post(pollsUrl()).send(POLL)).status).toBe(401);
    expect(await RoomPoll.countDocuments({ meetingId })).toBe(before);
  });

  it("answers 409 while the room is not open", async () => {
    const planned = await plannedMeeting(5);
    const response = await moderator.post(`/api/meetings/${planned}/room/polls`).send(POLL);
    expect(response.status).toBe(409);
  });
});

describe("opening and closing", () => {
  it("moves draft → open → closed once each (409 otherwise); members may not", async () => {
    const poll = await createPoll();
    const url = `${pollsUrl()}/${poll.id}`;
    expect((await moderator.post(`${url}/close`)).status).toBe(409);
    expect((await anna.post(`${url}/open`)).status).toBe(403);
    expect((await moderator.post(`${url}/open`)).body.poll.status).toBe("open");
    const again = await moderator.post(`${url}/open`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/już otwarto/);
    expect((await anna.post(`${url}/close`)).status).toBe(403);
    expect((await marek.post(`${url}/close`)).status).toBe(404);
    expect((await visitor.post(`${url}/close`)).status).toBe(401);
    expect((await moderator.post(`${url}/close`)).body.poll.status).toBe("closed");
    expect((await moderator.post(`${url}/close`)).status).toBe(409);
    const names = (await Event.find({ subjectId: poll.id }).sort({ createdAt: 1 }).lean()).map((e) => e.name);
    expect(names).toEqual(["roomPolls.create", "roomPolls.open", "roomPolls.close"]);
  });
});

describe("voting", () => {
  it("counts one ballot per person (409 the second time) and shows live results", async () => {
    const poll = await openPoll();
    const first = await vote(anna, poll, [1]);
    expect(first.status).toBe(200);
    expect(first.body.poll).toMatchObject({ totalVotes: 1, myVote: [poll.options[1]?.id] });
    expect(first.body.poll.options.map((o: { votes: number }) => o.votes)).toEqual([0, 1, 0]);
    const twice = await vote(anna, poll, [0]);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe("Twój głos został już oddany.");
    expect((await vote(piotr, poll, [1])).body.poll.totalVotes).toBe(2);
    expect((await vote(moderator, poll, [2])).status).toBe(200);
    const stored = await RoomPoll.findById(poll.id).lean();
    expect(stored?.options.map((o) => o.votes)).toEqual([0, 2, 1]);
    expect(stored?.ballotCount).toBe(3);
    expect(await RoomPollVote.countDocuments({ pollId: poll.id })).toBe(3);
    const seen = (await pollsFor(DEMO.memberA)).find((p) => p.id === poll.id);
    expect(seen).toMatchObject({ totalVotes: 3, myVote: [poll.options[1]?.id] });
  });

  it("takes exactly one option in a single-choice poll and several in a multiple-choice one", async () => {
    const single = await openPoll({ ...POLL, question: "Jedna odpowiedź?" });
    const two = await vote(anna, single, [0, 1]);
    expect(two.status).toBe(400);
    expect(two.body.error.message).toMatch(/jedną odpowiedź/);
    expect((await anna.post(`${pollsUrl()}/${single.id}/vote`).send({ optionIds: [] })).status).toBe(400);
    const multiple = await openPoll({ ...POLL, question: "Kilka odpowiedzi?", multiple: true });
    const both = await vote(anna, multiple, [0, 2]);
    expect(both.status).toBe(200);
    expect(both.body.poll.options.map((o: { votes: number }) => o.votes)).toEqual([1, 0, 1]);
    // Each person counts once in the total, whatever they chose.
    expect(both.body.poll.totalVotes).toBe(1);
  });

  it("refuses unknown options (400) and leaves no ballot", async () => {
    const poll = await openPoll({ ...POLL, question: "Nieznana opcja?" });
    const unknown = await anna.post(`${pollsUrl()}/${poll.id}/vote`).send({ optionIds: ["0".repeat(24)] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/Nie ma takiej odpowiedzi/);
    expect((await anna.post(`${pollsUrl()}/${poll.id}/vote`).send({ optionIds: ["abc"] })).status).toBe(400);
    expect(await RoomPollVote.countDocuments({ pollId: poll.id })).toBe(0);
  });

  it("refuses votes in a closed poll (409)", async () => {
    const poll = await openPoll({ ...POLL, question: "Zamknięta?" });
    await moderator.post(`${pollsUrl()}/${poll.id}/close`);
    const late = await vote(anna, poll, [0]);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/zamknięte/);
  });

  it("refuses visitors (401), outsiders (404), uninvited experts (403) and muted members (403)", async () => {
    const poll = await openPoll({ ...POLL, question: "Kto może głosować?" });
    expect((await vote(visitor, poll, [0])).status).toBe(401);
    expect((await vote(marek, poll, [0])).status).toBe(404);
    expect((await vote(expert, poll, [0])).status).toBe(403);
    await setMuted(meetingId, PIOTR, true);
    try {
      expect((await vote(piotr, poll, [0])).status).toBe(403);
    } finally {
      await setMuted(meetingId, PIOTR, false);
    }
    expect(await RoomPollVote.countDocuments({ pollId: poll.id })).toBe(0);
  });

  it("keeps results from members until closing when shown after closing; moderators always see them", async () => {
    const poll = await openPoll({ ...POLL, question: "Wyniki po zamknięciu?", resultsVisibility: "afterClose" });
    expect(poll.totalVotes).toBe(0); // the moderator's own view
    const ballot = await vote(anna, poll, [0]);
    expect(ballot.status).toBe(200);
    expect(ballot.body.poll).toMatchObject({ totalVotes: null, myVote: [poll.options[0]?.id] });
    expect(ballot.body.poll.options.every((o: { votes: number | null }) => o.votes === null)).toBe(true);
    expect((await pollsFor(DEMO.memberA)).find((p) => p.id === poll.id)?.totalVotes).toBeNull();
    expect((await pollsFor(DEMO.moderator)).find((p) => p.id === poll.id)?.totalVotes).toBe(1);
    await moderator.post(`${pollsUrl()}/${poll.id}/close`);
    const after = (await pollsFor(DEMO.memberA)).find((p) => p.id === poll.id);
    expect(after?.totalVotes).toBe(1);
    expect(after?.options.map((o) => o.votes)).toEqual([1, 0, 0]);
  });
});
