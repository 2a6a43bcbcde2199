import { randomUUID } from "node:crypto";
import mongoose from "mongoose";
import type TestAgent from "supertest/lib/agent.js";
import type { CategoryThreads, GroupDetail, GroupList, PostsPage, ThreadDetail } from "@forum/shared";
import { anyOf } from "../../server/src/db/anyOf.js";
import { ReadPosition } from "../../server/src/models/ReadPosition.js";
import { User } from "../../server/src/models/User.js";
import { insertThreadPosts } from "../../server/src/seed/bulkThreadPosts.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

/** A second member of gwd-malopolska, who has never opened the test thread. */
const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const TOTAL = 250;
const FIRST_AT = new Date("2026-03-01T08:00:00.000Z");
/** Post n (n ≥ 2) was written FIRST_AT + (n − 2) minutes. */
const writtenAt = (number: number) => new Date(FIRST_AT.getTime() + (number - 2) * 60_000);

let server: TestServer;
let anna: TestAgent;
let piotr: TestAgent;
let marek: TestAgent;
let visitor: TestAgent;
let threadId = "";
let categoryId = "";
let groupId = "";

const numbers = (page: PostsPage) => page.posts.map((post) => post.number);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
const page = async (query: string, agent: TestAgent = piotr) => {
  const response = await agent.get(`/api/threads/${threadId}/posts${query}`);
  expect(response.status).toBe(200);
  return response.body as PostsPage;
};

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "reading" });
  anna = await signedInAgent(server.url, DEMO.memberA);
  piotr = await signedInAgent(server.url, PIOTR);
  marek = await signedInAgent(server.url, DEMO.memberB);
  visitor = await csrfAgent(server.url);
  const group = (await anna.get("/api/groups/gwd-malopolska")).body as GroupDetail;
  groupId = group.group.id;
  categoryId = group.categories.find((category) => category.slug === "dyskusje")?.id ?? "";
  const started = await anna
    .post(`/api/categories/${categoryId}/threads`)
    .send({ title: "Bardzo długi wątek o dowozach", body: "Pierwszy wpis.", clientId: randomUUID() });
  expect(started.status).toBe(201);
  threadId = started.body.thread.id;
  const authors = await User.find({ email: anyOf([DEMO.memberA, PIOTR]) }, { _id: 1 }).lean();
  await insertThreadPosts({
    threadId: new mongoose.Types.ObjectId(threadId),
    authorIds: authors.map((author) => author._id),
    count: TOTAL - 1,
    firstAt: FIRST_AT,
    stepMs: 60_000,
  });
}, 120_000);
afterAll(() => server?.stop());

describe("paging a thread's posts", () => {
  it("starts at the first page and says there is more after", async () => {
    const first = await page("");
    expect(numbers(first)).toEqual(range(1, 50));
    expect(first).toMatchObject({ hasBefore: false, hasAfter: true, anchor: null });
  });

  it("goes forwards with after= and backwards with before=", async () => {
    const later = await page("?after=50&limit=100");
    expect(numbers(later)).toEqual(range(51, 150));
    expect(later).toMatchObject({ hasBefore: true, hasAfter: true });
    const end = await page("?after=200&limit=100");
    expect(numbers(end)).toEqual(range(201, 250));
    expect(end).toMatchObject({ hasBefore: true, hasAfter: false });

    const earlier = await page("?before=51&limit=20");
    expect(numbers(earlier)).toEqual(range(31, 50));
    expect(earlier).toMatchObject({ hasBefore: true, hasAfter: true });
    const start = await page("?before=21&limit=30");
    expect(numbers(start)).toEqual(range(1, 20));
    expect(start).toMatchObject({ hasBefore: false, hasAfter: true });
  });

  it("opens a page around a post, filling from the other side near either end", async () => {
    const middle = await page("?around=100&limit=30");
    expect(numbers(middle)).toContain(100);
    expect(numbers(middle)).toEqual(range(numbers(middle)[0] ?? 0, (numbers(middle)[0] ?? 0) + 29));
    expect(middle).toMatchObject({ hasBefore: true, hasAfter: true, anchor: 100 });
    const nearEnd = await page("?around=249&limit=30");
    expect(numbers(nearEnd)).toEqual(range(221, 250));
    expect(nearEnd).toMatchObject({ hasAfter: false, anchor: 249 });
    const nearStart = await page("?around=3&limit=30");
    expect(numbers(nearStart)).toEqual(range(1, 30));
    expect(nearStart).toMatchObject({ hasBefore: false, anchor: 3 });
  });

  it("jumps to the first post written at or after a date, or to the end past it", async () => {
    const byDate = await page(`?at=${encodeURIComponent(new Date(writtenAt(120).getTime() - 30_000).toISOString())}`);
    expect(byDate.anchor).toBe(120);
    expect(numbers(byDate)).toContain(120);
    const future = await page("?at=2099-01-01T00:00:00Z&limit=10");
    expect(numbers(future)).toEqual(range(241, 250));
    expect(future.anchor).toBe(250);
  });

  it("gives the last page", async () => {
    const last = await page("?last=1&limit=10");
    expect(numbers(last)).toEqual(range(241, 250));
    expect(last).toMatchObject({ hasBefore: true, hasAfter: false, anchor: 250 });
  });

  it.each([
    ["?after=abc", "Parametr „after” musi być nieujemną liczbą całkowitą."],
    ["?before=-3", "Parametr „before” musi być nieujemną liczbą całkowitą."],
    ["?after=1&before=9", "Podaj tylko jeden z parametrów: after, before, around, at lub last."],
    ["?limit=1000", "Parametr „limit” musi wynosić od 1 do 100."],
    ["?at=wczoraj", "Parametr „at” musi być datą w formacie ISO 8601."],
    ["?last=tak", "Parametr „last” może mieć tylko wartość 1."],
  ])("refuses %s with a Polish message", async (query, message) => {
    const response = await piotr.get(`/api/threads/${threadId}/posts${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(message);
  });

  it("hides another group's thread and asks visitors to sign in", async () => {
    expect((await marek.get(`/api/threads/${threadId}/posts`)).status).toBe(404);
    expect((await visitor.get(`/api/threads/${threadId}/posts`)).status).toBe(401);
    expect((await marek.put(`/api/threads/${threadId}/read`).send({ number: 5 })).status).toBe(404);
    expect((await visitor.put(`/api/threads/${threadId}/read`).send({ number: 5 })).status).toBe(401);
  });
});

describe("read positions and unread counts", () => {
  const unreadInCategory = async () => {
    const detail = (await piotr.get("/api/groups/gwd-malopolska")).body as GroupDetail;
    return detail.categories.find((category) => category.id === categoryId)?.unread;
  };
  const unreadInGroup = async () => ((await piotr.get("/api/groups")).body as GroupList).unread.groups[groupId];
  const threadInList = async () => {
    const list = (await piotr.get(`/api/categories/${categoryId}/threads`)).body as CategoryThreads;
    return list.threads.find((thread) => thread.id === threadId);
  };
  const markRead = async (number: number) => {
    const response = await piotr.put(`/api/threads/${threadId}/read`).send({ number });
    expect(response.status).toBe(200);
    return response.body.lastReadNumber as number;
  };

  it("opens at the top, then at the first unread post, then at the last one; never moving back", async () => {
    const categoryBefore = (await unreadInCategory()) ?? 0;
    const groupBefore = (await unreadInGroup()) ?? 0;
    expect(await threadInList()).toMatchObject({ lastPostNumber: TOTAL, lastReadNumber: 0 });

    const fresh = (await piotr.get(`/api/threads/${threadId}`)).body as ThreadDetail;
    expect(fresh).toMatchObject({ lastReadNumber: 0, anchor: null, hasBefore: false, hasAfter: true });
    expect(fresh.thread).toMatchObject({ lastPostNumber: TOTAL, postCount: TOTAL });
    expect(fresh.posts[0]?.number).toBe(1);

    expect(await markRead(120)).toBe(120);
    expect(await markRead(80)).toBe(120);
    expect(
      (await ReadPosition.findOne({ threadId }).where("lastReadNumber").equals(120).lean())?.groupId?.toString(),
    ).toBe(groupId);
    const resumed = (await piotr.get(`/api/threads/${threadId}`)).body as ThreadDetail;
    expect(resumed).toMatchObject({ lastReadNumber: 120, anchor: 121, hasBefore: true, hasAfter: true });
    expect(resumed.posts.map((post) => post.number)).toContain(121);
    expect(await threadInList()).toMatchObject({ lastReadNumber: 120 });
    expect(await unreadInCategory()).toBe(categoryBefore - 120);
    expect(await unreadInGroup()).toBe(groupBefore - 120);

    // Nobody reads past the newest post.
    expect(await markRead(TOTAL + 500)).toBe(TOTAL);
    const allRead = (await piotr.get(`/api/threads/${threadId}`)).body as ThreadDetail;
    expect(allRead).toMatchObject({ lastReadNumber: TOTAL, anchor: TOTAL, hasAfter: false });
    expect(allRead.posts.at(-1)?.number).toBe(TOTAL);
    expect(await unreadInCategory()).toBe(categoryBefore - TOTAL);
  });

  it("counts a new post by someone else as unread, and the reader's own reply as read", async () => {
    await markRead(TOTAL);
    const before = (await unreadInGroup()) ?? 0;
    const byAnna = await anna.post(`/api/threads/${threadId}/posts`).send({ body: "Nowość.", clientId: randomUUID() });
    expect(byAnna.status).toBe(201);
    expect(byAnna.body.post.number).toBe(TOTAL + 1);
    expect(await unreadInGroup()).toBe(before + 1);
    expect(await threadInList()).toMatchObject({ lastPostNumber: TOTAL + 1, lastReadNumber: TOTAL });

    await markRead(TOTAL + 1);
    const own = await piotr
      .post(`/api/threads/${threadId}/posts`)
      .send({ body: "Moja odpowiedź.", clientId: randomUUID() });
    expect(own.status).toBe(201);
    expect(await threadInList()).toMatchObject({ lastPostNumber: TOTAL + 2, lastReadNumber: TOTAL + 2 });
    expect(await unreadInGroup()).toBe(before);
  });

  it("refuses a read position that is not a post number", async () => {
    for (const body of [{}, { number: 0 }, { number: 2.5 }, { number: "7" }]) {
      const response = await piotr.put(`/api/threads/${threadId}/read`).send(body);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/wpisu/);
    }
  });
});
