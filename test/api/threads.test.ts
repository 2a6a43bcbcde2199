import { randomUUID } from "node:crypto";
import type { CategoryThreads, GroupDetail, ThreadDetail } from "@forum/shared";
import { Category } from "../../server/src/models/Category.js";
import { Event } from "../../server/src/models/Event.js";
import { Thread } from "../../server/src/models/Thread.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
const categories = { discussion: "", announcements: "" };

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "threads" });
  const agent = await signedInAgent(server.url, DEMO.memberA);
  const detail = (await agent.get("/api/groups/gwd-malopolska")).body as GroupDetail;
  categories.discussion = detail.categories.find((category) => category.slug === "dyskusje")?.id ?? "";
  categories.announcements = detail.categories.find((category) => category.slug === "ogloszenia")?.id ?? "";
}, 120_000);
afterAll(() => server?.stop());

const newThread = (title = "Nowy wątek o dowozach uczniów") => ({
  title,
  body: "Jak **organizujecie** dowozy?",
  clientId: randomUUID(),
});

describe("starting a thread", () => {
  it("creates the thread with its first post and records an event", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    const before = await Category.findById(categories.discussion).lean();
    const response = await agent.post(`/api/categories/${categories.discussion}/threads`).send(newThread());
    expect(response.status).toBe(201);
    const threadId: string = response.body.thread.id;
    expect(response.body.post).toMatchObject({
      author: { name: "Anna Kowalska" },
      editedAt: null,
      deletedAt: null,
      can: { edit: true, delete: false, react: false },
    });
    expect(response.body.post.html).toContain("<strong>organizujecie</strong>");
    expect(response.body.post.reactions).toEqual([
      { kind: "like", count: 0, mine: false },
      { kind: "thanks", count: 0, mine: false },
      { kind: "idea", count: 0, mine: false },
      { kind: "question", count: 0, mine: false },
    ]);

    const list = (await agent.get(`/api/categories/${categories.discussion}/threads`)).body as CategoryThreads;
    expect(list.threads[0]).toMatchObject({ id: threadId, title: "Nowy wątek o dowozach uczniów", postCount: 1 });
    const detail = (await agent.get(`/api/threads/${threadId}`)).body as ThreadDetail;
    expect(detail.posts.map((post) => post.id)).toEqual([response.body.post.id]);
    const after = await Category.findById(categories.discussion).lean();
    expect(after?.threadCount).toBe((before?.threadCount ?? 0) + 1);
    expect(await Event.countDocuments({ name: "threads.create", subjectId: threadId })).toBe(1);
  });

  it("answers a retried send with the same thread, stored once", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    const payload = newThread("Wysłany dwa razy, zapisany raz");
    const first = await agent.post(`/api/categories/${categories.discussion}/threads`).send(payload);
    const second = await agent.post(`/api/categories/${categories.discussion}/threads`).send(payload);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.thread.id).toBe(first.body.thread.id);
    expect(second.body.post.id).toBe(first.body.post.id);
    expect(await Thread.countDocuments({ title: payload.title })).toBe(1);
  });

  it.each([
    [{ ...newThread(), title: "Abc" }, "Tytuł musi mieć co najmniej 5 znaków."],
    [{ ...newThread(), title: "x".repeat(201) }, "Tytuł może mieć najwyżej 200 znaków."],
    [{ ...newThread(), body: "   " }, "Treść wpisu nie może być pusta."],
    [{ ...newThread(), clientId: "nie-uuid" }, "Nieprawidłowy identyfikator wpisu."],
  ])("rejects bad input with a Polish message (%#)", async (payload, message) => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    const count = await Thread.countDocuments();
    const response = await agent.post(`/api/categories/${categories.discussion}/threads`).send(payload);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(message);
    expect(await Thread.countDocuments()).toBe(count);
  });

  it("keeps announcements for moderators", async () => {
    const member = await signedInAgent(server.url, DEMO.memberA);
    const refused = await member.post(`/api/categories/${categories.announcements}/threads`).send(newThread());
    expect(refused.status).toBe(403);
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const allowed = await moderator
      .post(`/api/categories/${categories.announcements}/threads`)
      .send(newThread("Sesja 4: termin i miejsce"));
    expect(allowed.status).toBe(201);
  });

  it("does not reveal another group's category, asks visitors to sign in and keeps experts to reading", async () => {
    const count = await Thread.countDocuments();
    const otherGroup = await signedInAgent(server.url, DEMO.memberB);
    const hidden = await otherGroup.post(`/api/categories/${categories.discussion}/threads`).send(newThread());
    expect(hidden.status).toBe(404);
    const visitor = await csrfAgent(server.url);
    expect((await visitor.post(`/api/categories/${categories.discussion}/threads`).send(newThread())).status).toBe(401);
    const expert = await signedInAgent(server.url, DEMO.expert);
    expect((await expert.post(`/api/categories/${categories.discussion}/threads`).send(newThread())).status).toBe(403);
    expect(await Thread.countDocuments()).toBe(count);
  });
});
