import { randomUUID } from "node:crypto";
import type TestAgent from "supertest/lib/agent.js";
import type { CategoryThreads, GroupDetail, HomeOverview, TagGroupView, ThreadDetail } from "@forum/shared";
import { Event } from "../../server/src/models/Event.js";
import { Thread } from "../../server/src/models/Thread.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { connectAs, joinThread } from "../support/sockets.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
let anna: TestAgent;
/** Another member of group A. */
let piotr: TestAgent;
let expert: TestAgent;
let moderator: TestAgent;
let categoryId = "";
let tagSlugs: string[] = [];

const inOneHour = () => new Date(Date.now() + 3_600_000).toISOString();

async function startThread(title: string): Promise<string> {
  const created = await anna
    .post(`/api/categories/${categoryId}/threads`)
    .send({ title, body: "Pierwszy wpis.", clientId: randomUUID() });
  expect(created.status).toBe(201);
  return created.body.thread.id as string;
}

const reply = (agent: TestAgent, threadId: string, body = "Odpowiedź.") =>
  agent.post(`/api/threads/${threadId}/posts`).send({ body, clientId: randomUUID() });

/** The one event the action recorded, newest first. */
const lastEvent = (name: string, threadId: string) =>
  Event.findOne({ name, subjectId: threadId }).sort({ createdAt: -1 }).lean();

const detailOf = async (agent: TestAgent, threadId: string) =>
  ((await agent.get(`/api/threads/${threadId}`)).body as ThreadDetail).thread;

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "threadState" });
  anna = await signedInAgent(server.url, DEMO.memberA);
  expert = await signedInAgent(server.url, DEMO.expert);
  piotr = await signedInAgent(server.url, "piotr.mazur@demo.forum-jst.pl");
  moderator = await signedInAgent(server.url, DEMO.moderator);
  const detail = (await anna.get("/api/groups/gwd-malopolska")).body as GroupDetail;
  categoryId = detail.categories.find((candidate) => candidate.slug === "dyskusje")?.id ?? "";
  const taxonomy = (await anna.get("/api/tags")).body.tagGroups as TagGroupView[];
  tagSlugs = taxonomy.flatMap((group) => group.tags.map((tag) => tag.slug)).slice(0, 2);
  expect(tagSlugs).toHaveLength(2);
}, 120_000);
afterAll(() => server?.stop());

describe("refusals", () => {
  it.each([
    ["put", "/pin", { scope: "category" }],
    ["delete", "/pin", undefined],
    ["put", "/lock", { reason: "Spór" }],
    ["delete", "/lock", undefined],
    ["put", "/closes-at", { closesAt: null }],
    ["put", "/slow-mode", { seconds: 30 }],
    ["patch", "", { title: "Nowy tytuł wątku" }],
  ] as const)("%s %s is refused to a member and an expert (403) and changes nothing", async (method, suffix, body) => {
    const threadId = await startThread(`Wątek do odmowy ${method} ${suffix}`);
    for (const agent of [anna, expert]) {
      const request = agent[method](`/api/threads/${threadId}${suffix}`);
      const response = body ? await request.send(body) : await request;
      expect(response.status).toBe(403);
      expect(response.body.error.message).toMatch(/uprawnień/);
    }
    const names = (await Event.find({ subjectId: threadId }, { name: 1 }).lean()).map((event) => event.name);
    expect(names).toEqual(["threads.create"]);
  });

  it("answers 404 for a thread that does not exist", async () => {
    const response = await moderator.put(`/api/threads/${"0".repeat(24)}/lock`).send({ reason: "Spór" });
    expect(response.status).toBe(404);
  });
});

describe("pinning", () => {
  it("pins to the category's top, records before/after with the ip, and unpins", async () => {
    const threadId = await startThread("Wątek do przypięcia w kategorii");
    await startThread("Nowszy wątek, który byłby pierwszy");
    const pinned = await moderator.put(`/api/threads/${threadId}/pin`).send({ scope: "category" });
    expect(pinned.status).toBe(200);
    expect(pinned.body.thread.state.pin).toEqual({ scope: "category", until: null });

    const list = (await anna.get(`/api/categories/${categoryId}/threads`)).body as CategoryThreads;
    expect(list.threads[0]).toMatchObject({ id: threadId, pin: { scope: "category", until: null } });
    expect((await detailOf(anna, threadId)).state.pin).toEqual({ scope: "category", until: null });

    const event = await lastEvent("threads.pin", threadId);
    expect(event?.data).toMatchObject({ before: { pin: null }, after: { pin: { scope: "category", until: null } } });
    expect(event?.ip).toEqual(expect.any(String));

    const unpinned = await moderator.delete(`/api/threads/${threadId}/pin`);
    expect(unpinned.body.thread.state.pin).toBeNull();
    const after = (await anna.get(`/api/categories/${categoryId}/threads`)).body as CategoryThreads;
    expect(after.threads[0]?.id).not.toBe(threadId);
    const unpinEvent = await lastEvent("threads.unpin", threadId);
    expect(unpinEvent?.data).toMatchObject({ before: { pin: { scope: "category" } }, after: { pin: null } });
  });

  it("shows a global pin in the home page's pinned section to those who may read it, not to others", async () => {
    const threadId = await startThread("Wątek przypięty dla całego forum");
    const until = inOneHour();
    const pinned = await moderator.put(`/api/threads/${threadId}/pin`).send({ scope: "global", until });
    expect(pinned.body.thread.state.pin).toEqual({ scope: "global", until });
    const home = (await anna.get("/api/home")).body as HomeOverview;
    expect(home.pinned?.map((thread) => thread.id)).toContain(threadId);
    const memberB = await signedInAgent(server.url, DEMO.memberB);
    const otherHome = (await memberB.get("/api/home")).body as HomeOverview;
    expect(otherHome.pinned?.map((thread) => thread.id)).not.toContain(threadId);
  });

  it("no longer pins once the end date has passed", async () => {
    const threadId = await startThread("Wątek z wygasłym przypięciem");
    await moderator.put(`/api/threads/${threadId}/pin`).send({ scope: "global", until: inOneHour() });
    await Thread.updateOne({ _id: threadId }, { $set: { "pin.until": new Date(Date.now() - 1000) } });
    const list = (await anna.get(`/api/categories/${categoryId}/threads`)).body as CategoryThreads;
    expect(list.threads.find((thread) => thread.id === threadId)?.pin ?? null).toBeNull();
    expect(list.threads[0]?.id).not.toBe(threadId);
    expect(((await anna.get("/api/home")).body as HomeOverview).pinned?.map((t) => t.id)).not.toContain(threadId);
    expect((await detailOf(anna, threadId)).state.pin).toBeNull();
  });

  it("refuses an unknown scope and an end date in the past with Polish messages", async () => {
    const threadId = await startThread("Wątek ze złym przypięciem");
    const badScope = await moderator.put(`/api/threads/${threadId}/pin`).send({ scope: "wszędzie" });
    expect(badScope.status).toBe(400);
    expect(badScope.body.error.fields.scope).toBe("Wybierz, gdzie przypiąć wątek.");
    const past = await moderator
      .put(`/api/threads/${threadId}/pin`)
      .send({ scope: "category", until: new Date(Date.now() - 60_000).toISOString() });
    expect(past.status).toBe(400);
    expect(past.body.error.fields.until).toBe("Koniec przypięcia musi być w przyszłości.");
  });
});

describe("locking", () => {
  it("refuses replies (409, with the reason) to members but not to moderators, until unlocked", async () => {
    const threadId = await startThread("Wątek do zablokowania");
    const locked = await moderator.put(`/api/threads/${threadId}/lock`).send({ reason: "Dyskusja wyczerpana" });
    expect(locked.status).toBe(200);
    expect(locked.body.thread.state.lock).toMatchObject({ reason: "Dyskusja wyczerpana", closed: false });
    const event = await lastEvent("threads.lock", threadId);
    expect(event?.data).toMatchObject({ before: { lock: null }, after: { lock: { reason: "Dyskusja wyczerpana" } } });

    const refused = await reply(anna, threadId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("Dyskusja wyczerpana");
    const annasView = await detailOf(anna, threadId);
    expect(annasView.can).toEqual({ reply: false, moderate: false });
    expect(annasView.state.lock?.reason).toBe("Dyskusja wyczerpana");
    expect((await detailOf(moderator, threadId)).can).toEqual({ reply: true, moderate: true });
    expect((await reply(moderator, threadId, "Słowo moderatora.")).status).toBe(201);

    const unlocked = await moderator.delete(`/api/threads/${threadId}/lock`);
    expect(unlocked.body.thread.state.lock).toBeNull();
    expect((await lastEvent("threads.unlock", threadId))?.data).toMatchObject({
      before: { lock: { reason: "Dyskusja wyczerpana" } },
      after: { lock: null },
    });
    expect((await reply(anna, threadId)).status).toBe(201);
  });

  it("refuses a lock without a reason", async () => {
    const threadId = await startThread("Wątek bez powodu blokady");
    const response = await moderator.put(`/api/threads/${threadId}/lock`).send({ reason: " " });
    expect(response.status).toBe(400);
    expect(response.body.error.fields.reason).toBe("Podaj powód (co najmniej 3 znaki).");
  });

  it("stops relaying typing from a member in a locked thread", async () => {
    const threadId = await startThread("Wątek do pisania po blokadzie");
    await moderator.put(`/api/threads/${threadId}/lock`).send({ reason: "Przerwa" });
    const socket = await connectAs(server.url, DEMO.memberA);
    try {
      expect((await joinThread(socket, threadId)).ok).toBe(true);
      const ack = await new Promise<{ ok: boolean }>((resolve) => socket.emit("thread.typing", { threadId }, resolve));
      expect(ack.ok).toBe(false);
    } finally {
      socket.disconnect();
    }
  });
});

describe("closing on a date", () => {
  it("announces the date before and refuses replies once it has passed", async () => {
    const threadId = await startThread("Wątek do zamknięcia");
    const closesAt = inOneHour();
    const scheduled = await moderator.put(`/api/threads/${threadId}/closes-at`).send({ closesAt });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.thread.state).toMatchObject({ closesAt, lock: null });
    expect((await lastEvent("threads.scheduleClose", threadId))?.data).toMatchObject({
      before: { closesAt: null },
      after: { closesAt },
    });
    expect((await reply(anna, threadId)).status).toBe(201);

    await Thread.updateOne({ _id: threadId }, { $set: { closesAt: new Date(Date.now() - 1000) } });
    const refused = await reply(anna, threadId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/Wątek zamknięty/);
    const state = (await detailOf(anna, threadId)).state;
    expect(state.closesAt).toBeNull();
    expect(state.lock).toMatchObject({ closed: true, reason: expect.stringMatching(/^Wątek zamknięty /) });

    // Unlocking a closed thread opens it again.
    await moderator.delete(`/api/threads/${threadId}/lock`);
    expect((await reply(anna, threadId)).status).toBe(201);
  });

  it("uses the given reason once closed, and refuses a date in the past", async () => {
    const threadId = await startThread("Wątek z powodem zamknięcia");
    await moderator.put(`/api/threads/${threadId}/closes-at`).send({ closesAt: inOneHour(), reason: "Koniec naboru" });
    await Thread.updateOne({ _id: threadId }, { $set: { closesAt: new Date(Date.now() - 1000) } });
    expect((await detailOf(anna, threadId)).state.lock?.reason).toBe("Koniec naboru");
    const past = await moderator
      .put(`/api/threads/${threadId}/closes-at`)
      .send({ closesAt: new Date(Date.now() - 60_000).toISOString() });
    expect(past.status).toBe(400);
    expect(past.body.error.fields.closesAt).toBe("Data zamknięcia musi być w przyszłości.");
  });
});

describe("slow mode", () => {
  it("refuses a second reply too soon with 429 saying how long to wait; moderators are exempt", async () => {
    const threadId = await startThread("Wątek w trybie powolnym");
    const set = await moderator.put(`/api/threads/${threadId}/slow-mode`).send({ seconds: 120 });
    expect(set.status).toBe(200);
    expect(set.body.thread.state.slowModeSeconds).toBe(120);
    expect((await lastEvent("threads.setSlowMode", threadId))?.data).toMatchObject({
      before: { slowModeSeconds: 0 },
      after: { slowModeSeconds: 120 },
    });
    // The opening post counts too: its author waits like anyone else.
    expect((await reply(anna, threadId)).status).toBe(429);
    expect((await reply(piotr, threadId)).status).toBe(201);
    const tooSoon = await reply(piotr, threadId);
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.error.message).toMatch(
      /tryb powolny: jeden wpis na 120 s\. Możesz odpowiedzieć ponownie za \d+ s/,
    );
    expect((await reply(moderator, threadId)).status).toBe(201);
    expect((await reply(moderator, threadId)).status).toBe(201);

    await moderator.put(`/api/threads/${threadId}/slow-mode`).send({ seconds: 0 });
    expect((await reply(piotr, threadId)).status).toBe(201);
  });

  it("refuses a negative or fractional number of seconds", async () => {
    const threadId = await startThread("Wątek ze złym trybem powolnym");
    for (const seconds of [-5, 1.5, "dziesięć"]) {
      const response = await moderator.put(`/api/threads/${threadId}/slow-mode`).send({ seconds });
      expect(response.status).toBe(400);
      expect(response.body.error.fields.seconds).toEqual(expect.any(String));
    }
  });
});

describe("rename and re-tag", () => {
  it("lets a moderator change the title and the tags, recording both before and after", async () => {
    const threadId = await startThread("Stary tytuł wątku");
    const edited = await moderator
      .patch(`/api/threads/${threadId}`)
      .send({ title: "Nowy tytuł wątku", tags: tagSlugs });
    expect(edited.status).toBe(200);
    expect(edited.body.thread.title).toBe("Nowy tytuł wątku");
    expect(edited.body.thread.tags.map((tag: { slug: string }) => tag.slug)).toEqual(tagSlugs);
    const thread = await detailOf(anna, threadId);
    expect(thread.title).toBe("Nowy tytuł wątku");
    expect((await lastEvent("threads.edit", threadId))?.data).toMatchObject({
      before: { title: "Stary tytuł wątku", tags: [] },
      after: { title: "Nowy tytuł wątku", tags: tagSlugs },
    });
  });

  it("validates like starting a thread: short titles, unknown tags, nothing to change", async () => {
    const threadId = await startThread("Wątek do złej edycji");
    const short = await moderator.patch(`/api/threads/${threadId}`).send({ title: "abc" });
    expect(short.status).toBe(400);
    expect(short.body.error.fields.title).toBe("Tytuł musi mieć co najmniej 5 znaków.");
    const unknown = await moderator.patch(`/api/threads/${threadId}`).send({ tags: ["nie-ma-takiego-tagu"] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain("nie-ma-takiego-tagu");
    const empty = await moderator.patch(`/api/threads/${threadId}`).send({});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe("Podaj nowy tytuł lub tagi.");
    expect((await detailOf(anna, threadId)).title).toBe("Wątek do złej edycji");
  });
});

describe("live", () => {
  it("pushes thread.updated with the new state to the thread's room", async () => {
    const threadId = await startThread("Wątek oglądany na żywo");
    const socket = await connectAs(server.url, DEMO.memberA);
    try {
      expect((await joinThread(socket, threadId)).ok).toBe(true);
      const received = new Promise<{ threadId: string; state: { lock: { reason: string } | null } }>((resolve) =>
        socket.on("thread.updated", (update) => {
          if (update.threadId === threadId) resolve(update);
        }),
      );
      await moderator.put(`/api/threads/${threadId}/lock`).send({ reason: "Na żywo" });
      expect((await received).state.lock?.reason).toBe("Na żywo");
    } finally {
      socket.disconnect();
    }
  });
});
