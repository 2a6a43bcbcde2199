import mongoose from "mongoose";
import type TestAgent from "supertest/lib/agent.js";
import type { RoomQuestionView } from "@forum/shared";
import { Event } from "../../server/src/models/Event.js";
import { RoomQuestion } from "../../server/src/models/RoomQuestion.js";
import { User } from "../../server/src/models/User.js";
import { loadActor } from "../../server/src/policies/index.js";
import { presentRoomQuestions } from "../../server/src/presenters/roomQuestionPresenter.js";
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

const questionsUrl = () => `/api/meetings/${meetingId}/room/questions`;
const ask = (agent: TestAgent, text: string) => agent.post(questionsUrl()).send({ text });
const askOk = async (agent: TestAgent, text: string): Promise<RoomQuestionView> => {
  const response = await ask(agent, text);
  expect(response.status).toBe(201);
  return response.body.question as RoomQuestionView;
};
/** The list as the room snapshot gives it to this person (null: a viewer with no vote). */
const listFor = async (email: string | null, id = meetingId): Promise<RoomQuestionView[]> => {
  const user = email ? await User.findOne({ email }).lean() : null;
  return presentRoomQuestions(new mongoose.Types.ObjectId(id), user ? await loadActor(user) : null);
};

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "roomQuestions" });
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

describe("asking", () => {
  it("stores the question, answers it as the asker sees it and records the event", async () => {
    const question = await askOk(anna, "  Jak rozliczać dotację oświatową?  ");
    expect(question).toMatchObject({
      text: "Jak rozliczać dotację oświatową?",
      voteCount: 0,
      votedByMe: false,
      status: "open",
      answer: "",
      author: { name: "Anna Kowalska" },
    });
    const event = await Event.findOne({ name: "roomQuestions.ask", subjectId: question.id }).lean();
    expect(event?.data).toMatchObject({ meetingId });
  });

  it.each([
    [{}, /Wpisz pytanie/],
    [{ text: "ab" }, /co najmniej 3/],
    [{ text: "x".repeat(501) }, /najwyżej 500/],
    [{ text: 42 }, /Wpisz pytanie/],
  ])("refuses %j with 400 and a Polish message", async (body, message) => {
    const response = await anna.post(questionsUrl()).send(body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
  });

  it("refuses a visitor (401), another group's member (404) and an uninvited expert (403)", async () => {
    expect((await ask(visitor, "Pytanie gościa?")).status).toBe(401);
    const outsider = await ask(marek, "Pytanie spoza grupy?");
    expect(outsider.status).toBe(404);
    expect((await ask(expert, "Pytanie eksperta?")).status).toBe(403);
    expect(await RoomQuestion.countDocuments({ text: /gościa|spoza|eksperta/ })).toBe(0);
  });

  it("refuses a member the moderator muted (403) and lets them ask again once unmuted", async () => {
    await setMuted(meetingId, PIOTR, true);
    try {
      const refused = await ask(piotr, "Czy mogę zapytać?");
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/uprawnień/);
    } finally {
      await setMuted(meetingId, PIOTR, false);
    }
    expect((await ask(piotr, "Teraz mogę zapytać?")).status).toBe(201);
  });

  it("answers 409 while the room is not open and 404 for an unknown meeting", async () => {
    const planned = await plannedMeeting(5);
    const response = await anna.post(`/api/meetings/${planned}/room/questions`).send({ text: "Za wcześnie?" });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/nie jest otwarty/);
    expect((await anna.post(`/api/meetings/${"0".repeat(24)}/room/questions`).send({ text: "Gdzie?" })).status).toBe(
      404,
    );
  });
});

describe("voting", () => {
  it("counts one vote per person, toggles it off, and refuses a vote on one's own question", async () => {
    const question = await askOk(anna, "Kto prowadzi rejestr uczniów?");
    const url = `${questionsUrl()}/${question.id}/vote`;
    const first = await piotr.post(url);
    expect(first.status).toBe(200);
    expect(first.body.question).toMatchObject({ voteCount: 1, votedByMe: true });
    // Voting twice changes nothing.
    expect((await piotr.post(url)).body.question.voteCount).toBe(1);
    expect((await moderator.post(url)).body.question.voteCount).toBe(2);
    const own = await anna.post(url);
    expect(own.status).toBe(409);
    expect(own.body.error.message).toMatch(/własne pytanie/);
    const withdrawn = await piotr.delete(url);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.question).toMatchObject({ voteCount: 1, votedByMe: false });
    // Withdrawing again changes nothing.
    expect((await piotr.delete(url)).body.question.voteCount).toBe(1);
    const stored = await RoomQuestion.findById(question.id).lean();
    expect(stored?.voterIds).toHaveLength(1);
    const names = (await Event.find({ subjectId: question.id }).sort({ createdAt: 1 }).lean()).map((e) => e.name);
    expect(names).toEqual(["roomQuestions.ask", "roomQuestions.vote", "roomQuestions.vote", "roomQuestions.unvote"]);
  });

  it("refuses outsiders and visitors, and answers 404 for an unknown question", async () => {
    const question = await askOk(anna, "Pytanie do głosowania przez obcych?");
    const url = `${questionsUrl()}/${question.id}/vote`;
    expect((await marek.post(url)).status).toBe(404);
    expect((await visitor.post(url)).status).toBe(401);
    expect((await expert.post(url)).status).toBe(403);
    expect((await piotr.post(`${questionsUrl()}/${"0".repeat(24)}/vote`)).status).toBe(404);
    expect((await piotr.post(`${questionsUrl()}/nie-id/vote`)).status).toBe(404);
  });
});

describe("the moderator's decisions", () => {
  it("marks a question answered with a note; answered questions take no new votes", async () => {
    const question = await askOk(anna, "Czy będzie nagranie sesji?");
    const answered = await moderator
      .post(`${questionsUrl()}/${question.id}/answer`)
      .send({ answer: "Tak, w archiwum." });
    expect(answered.status).toBe(200);
    expect(answered.body.question).toMatchObject({ status: "answered", answer: "Tak, w archiwum." });
    const late = await piotr.post(`${questionsUrl()}/${question.id}/vote`);
    expect(late.status).toBe(409);
    // Without a body: answered without a note.
    const other = await askOk(piotr, "Czy przerwa będzie o 12?");
    const bare = await moderator.post(`${questionsUrl()}/${other.id}/answer`);
    expect(bare.status).toBe(200);
    expect(bare.body.question).toMatchObject({ status: "answered", answer: "" });
    const tooLong = await moderator.post(`${questionsUrl()}/${other.id}/answer`).send({ answer: "x".repeat(1001) });
    expect(tooLong.status).toBe(400);
  });

  it("hides a question: members no longer find it, the moderator still does", async () => {
    const question = await askOk(piotr, "Pytanie nie na temat?");
    const hidden = await moderator.post(`${questionsUrl()}/${question.id}/hide`);
    expect(hidden.status).toBe(200);
    expect(hidden.body.question.status).toBe("hidden");
    expect((await anna.post(`${questionsUrl()}/${question.id}/vote`)).status).toBe(404);
    expect((await listFor(DEMO.memberA)).map((q) => q.id)).not.toContain(question.id);
    expect((await listFor(DEMO.moderator)).find((q) => q.id === question.id)?.status).toBe("hidden");
    const event = await Event.findOne({ name: "roomQuestions.hide", subjectId: question.id }).lean();
    expect(event?.data).toMatchObject({ before: "open", after: "hidden" });
  });

  it.each(["answer", "hide"])("refuses %s to members (403), outsiders (404) and visitors (401)", async (verb) => {
    const question = await askOk(anna, `Pytanie do odmowy ${verb}?`);
    const url = `${questionsUrl()}/${question.id}/${verb}`;
    expect((await anna.post(url).send({})).status).toBe(403);
    expect((await expert.post(url).send({})).status).toBe(403);
    expect((await marek.post(url).send({})).status).toBe(404);
    expect((await visitor.post(url).send({})).status).toBe(401);
    expect((await RoomQuestion.findById(question.id).lean())?.status).toBe("open");
  });
});

describe("the room's list", () => {
  it("puts open questions first by votes (then oldest first), answered ones after", async () => {
    const fresh = await liveMeeting(6);
    const url = `/api/meetings/${fresh}/room/questions`;
    const ids: string[] = [];
    for (const text of ["Pierwsze pytanie?", "Drugie pytanie?", "Trzecie pytanie?", "Czwarte pytanie?"]) {
      const response = await anna.post(url).send({ text });
      ids.push(response.body.question.id);
    }
    await piotr.post(`${url}/${ids[2]}/vote`);
    await moderator.post(`${url}/${ids[2]}/vote`);
    await piotr.post(`${url}/${ids[1]}/vote`);
    await moderator.post(`${url}/${ids[0]}/answer`).send({});
    const list = await listFor(null, fresh);
    expect(list.map((q) => q.id)).toEqual([ids[2], ids[1], ids[3], ids[0]]);
    expect(list.map((q) => q.voteCount)).toEqual([2, 1, 0, 0]);
    const asPiotr = await listFor(PIOTR, fresh);
    expect(asPiotr.filter((q) => q.votedByMe).map((q) => q.id)).toEqual([ids[2], ids[1]]);
  });
});
