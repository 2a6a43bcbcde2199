import { randomUUID } from "node:crypto";
import type TestAgent from "supertest/lib/agent.js";
import type { GroupDetail, RestructureTargets, ThreadDetail, ThreadMoved } from "@forum/shared";
import { Category } from "../../server/src/models/Category.js";
import { Event } from "../../server/src/models/Event.js";
import { Post } from "../../server/src/models/Post.js";
import { ReadPosition } from "../../server/src/models/ReadPosition.js";
import { Thread } from "../../server/src/models/Thread.js";
import { User } from "../../server/src/models/User.js";
import { Watch } from "../../server/src/models/Watch.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { connectAs, joinThread, type ForumClient } from "../support/sockets.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
const agents = {} as Record<"memberA" | "memberA2" | "memberB" | "expert" | "moderator", TestAgent>;
const categories = { discussionA: "", financeA: "", discussionB: "", network: "" };

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "restructure" });
  agents.memberA = await signedInAgent(server.url, DEMO.memberA);
  agents.memberA2 = await signedInAgent(server.url, "piotr.mazur@demo.forum-jst.pl");
  agents.memberB = await signedInAgent(server.url, DEMO.memberB);
  agents.expert = await signedInAgent(server.url, DEMO.expert);
  agents.moderator = await signedInAgent(server.url, DEMO.moderator);
  const groupA = (await agents.moderator.get("/api/groups/gwd-malopolska")).body as GroupDetail;
  const groupB = (await agents.moderator.get("/api/groups/gwd-wielkopolska-pomorze")).body as GroupDetail;
  const slugIn = (detail: GroupDetail, slug: string) => detail.categories.find((c) => c.slug === slug)?.id ?? "";
  categories.discussionA = slugIn(groupA, "dyskusje");
  categories.financeA = slugIn(groupA, "finansowanie");
  categories.discussionB = slugIn(groupB, "dyskusje");
  categories.network = String((await Category.findOne({ groupId: null, slug: "siec-liderow" }).lean())?._id);
}, 120_000);
afterAll(() => server?.stop());

async function startThread(title: string, agent = agents.memberA, category = categories.discussionA) {
  const response = await agent
    .post(`/api/categories/${category}/threads`)
    .send({ title, body: `Początek: ${title}`, clientId: randomUUID() });
  expect(response.status).toBe(201);
  return { id: response.body.thread.id as string, firstPostId: response.body.post.id as string };
}

async function reply(threadId: string, body: string, agent = agents.memberA): Promise<string> {
  const response = await agent.post(`/api/threads/${threadId}/posts`).send({ body, clientId: randomUUID() });
  expect(response.status).toBe(201);
  return response.body.post.id;
}

async function postsOf(threadId: string, agent = agents.moderator) {
  const detail = (await agent.get(`/api/threads/${threadId}/posts?after=0&limit=100`)).body as ThreadDetail;
  return detail.posts.map((post) => ({ id: post.id, number: post.number }));
}

describe("POST /threads/:id/move", () => {
  it("moves a thread to another group; access, read positions, counts and the event follow", async () => {
    const thread = await startThread("Wątek do przeniesienia do innej grupy");
    await reply(thread.id, "Odpowiedź przed przeniesieniem", agents.memberA2);
    expect((await agents.memberA.put(`/api/threads/${thread.id}/read`).send({ number: 2 })).status).toBe(200);
    const countsBefore = await Promise.all(
      [categories.discussionA, categories.discussionB].map(
        async (id) => (await Category.findById(id).lean())!.threadCount,
      ),
    );

    const moved = await agents.moderator
      .post(`/api/threads/${thread.id}/move`)
      .send({ categoryId: categories.discussionB });
    expect(moved.status).toBe(200);

    const stored = await Thread.findById(thread.id).lean();
    expect(stored?.categoryId.toString()).toBe(categories.discussionB);
    const groupB = await Category.findById(categories.discussionB).lean();
    expect(stored?.groupId?.toString()).toBe(groupB?.groupId?.toString());
    const counts = await Promise.all(
      [categories.discussionA, categories.discussionB].map(
        async (id) => (await Category.findById(id).lean())!.threadCount,
      ),
    );
    expect(counts).toEqual([countsBefore[0]! - 1, countsBefore[1]! + 1]);
    const annaId = (await User.findOne({ email: DEMO.memberA }).lean())!._id;
    const position = await ReadPosition.findOne({ userId: annaId, threadId: thread.id }).lean();
    expect(position).toMatchObject({ lastReadNumber: 2 });
    expect(position?.categoryId.toString()).toBe(categories.discussionB);
    // Group A's members no longer read it, group B's now do.
    expect((await agents.memberA.get(`/api/threads/${thread.id}`)).status).toBe(404);
    expect((await agents.memberB.get(`/api/threads/${thread.id}`)).status).toBe(200);

    const event = await Event.findOne({ name: "threads.move", subjectId: thread.id }).lean();
    expect(event?.data).toEqual({
      before: { categoryId: categories.discussionA, groupId: expect.any(String) },
      after: { categoryId: categories.discussionB, groupId: groupB?.groupId?.toString() },
    });
    expect(event?.ip).toBeTruthy();
  });

  it("moves a thread into the network space", async () => {
    const thread = await startThread("Wątek dla całej sieci liderów");
    const moved = await agents.moderator
      .post(`/api/threads/${thread.id}/move`)
      .send({ categoryId: categories.network });
    expect(moved.status).toBe(200);
    expect((await Thread.findById(thread.id).lean())?.groupId).toBeNull();
    expect((await agents.memberB.get(`/api/threads/${thread.id}`)).status).toBe(200);
  });

  it("refuses bad input, the same category, and everyone but moderators", async () => {
    const thread = await startThread("Wątek, którego nie wolno przenieść");
    const move = (agent: TestAgent, body: object) => agent.post(`/api/threads/${thread.id}/move`).send(body);
    const bad = await move(agents.moderator, { categoryId: "nie-id" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("Wybierz kategorię.");
    expect((await move(agents.moderator, { categoryId: "0123456789abcdef01234567" })).status).toBe(404);
    expect((await move(agents.moderator, { categoryId: categories.discussionA })).status).toBe(409);
    expect((await move(agents.memberA, { categoryId: categories.financeA })).status).toBe(403);
    expect((await move(agents.expert, { categoryId: categories.financeA })).status).toBe(403);
    expect((await move(agents.memberB, { categoryId: categories.financeA })).status).toBe(404);
    expect((await Thread.findById(thread.id).lean())?.categoryId.toString()).toBe(categories.discussionA);
  });
});

describe("POST /threads/:id/merge", () => {
  it("interleaves the posts by time, keeps ids, fixes counters, read positions and watches", async () => {
    const a = await startThread("Scalany wątek A");
    const b = await startThread("Docelowy wątek B");
    const a2 = await reply(a.id, "A: druga odpowiedź");
    const b2 = await reply(b.id, "B: druga odpowiedź", agents.memberA2);
    const a3 = await reply(a.id, "A: trzecia odpowiedź", agents.memberA2);
    const piotrId = (await User.findOne({ email: "piotr.mazur@demo.forum-jst.pl" }).lean())!._id;
    const annaId = (await User.findOne({ email: DEMO.memberA }).lean())!._id;
    // Piotr read all of B but nothing of A; Anna read all of A and B.
    await agents.memberA2.put(`/api/threads/${b.id}/read`).send({ number: 2 });
    await ReadPosition.deleteMany({ userId: piotrId, threadId: a.id });
    await agents.memberA.put(`/api/threads/${a.id}/read`).send({ number: 3 });
    await agents.memberA.put(`/api/threads/${b.id}/read`).send({ number: 2 });
    await agents.memberA2.put(`/api/threads/${a.id}/watch`).send({ level: "watching" });
    await agents.memberA.put(`/api/threads/${a.id}/watch`).send({ level: "tracking" });
    await agents.memberA.put(`/api/threads/${b.id}/watch`).send({ level: "watching" });

    const merged = await agents.moderator
      .post(`/api/threads/${a.id}/merge`)
      .send({ targetThread: `${server.url}/watki/${b.id}` });
    expect(merged.status).toBe(200);
    expect(merged.body).toEqual({ threadId: b.id });

    expect(await postsOf(b.id)).toEqual([
      { id: a.firstPostId, number: 1 },
      { id: b.firstPostId, number: 2 },
      { id: a2, number: 3 },
      { id: b2, number: 4 },
      { id: a3, number: 5 },
    ]);
    const target = await Thread.findById(b.id).lean();
    expect(target).toMatchObject({ postCount: 5, lastPostNumber: 5 });
    const stub = await Thread.findById(a.id).lean();
    expect(stub?.mergedIntoId?.toString()).toBe(b.id);
    expect(stub).toMatchObject({ postCount: 0, lastPostNumber: 0 });
    // Piotr had not read A's opening post (now #1), Anna had read everything.
    expect((await ReadPosition.findOne({ userId: piotrId, threadId: b.id }).lean())?.lastReadNumber).toBe(0);
    expect((await ReadPosition.findOne({ userId: annaId, threadId: b.id }).lean())?.lastReadNumber).toBe(5);
    expect(await ReadPosition.countDocuments({ threadId: a.id })).toBe(0);
    // Watchers of A watch B; Anna's closer "watching" of B is not lowered to A's "tracking".
    expect((await Watch.findOne({ userId: piotrId, targetId: b.id }).lean())?.level).toBe("watching");
    expect((await Watch.findOne({ userId: annaId, targetId: b.id }).lean())?.level).toBe("watching");

    // The old address answers with where to go; the stub is gone from its category.
    expect((await agents.memberA.get(`/api/threads/${a.id}`)).body).toEqual({ redirect: { threadId: b.id } });
    const list = (await agents.memberA.get(`/api/categories/${categories.discussionA}/threads`)).body;
    expect(list.threads.map((thread: { id: string }) => thread.id)).not.toContain(a.id);
    expect(list.threads.map((thread: { id: string }) => thread.id)).toContain(b.id);
    expect(
      (await agents.memberA.post(`/api/threads/${a.id}/posts`).send({ body: "Za późno", clientId: randomUUID() }))
        .status,
    ).toBe(409);

    const event = await Event.findOne({ name: "threads.merge", subjectId: a.id }).lean();
    expect(event?.data).toMatchObject({
      before: { threadId: a.id, postIds: [a.firstPostId, a2, a3], targetPostCount: 2 },
      after: { threadId: b.id, postCount: 5 },
    });
    expect(event?.ip).toBeTruthy();
  });

  it("finishes a merge interrupted midway when it is run again", async () => {
    const a = await startThread("Przerwane scalanie: A");
    const b = await startThread("Przerwane scalanie: B");
    const a2 = await reply(a.id, "A: druga");
    // As a crash in the renumbering would leave it: one of A's posts already in B under a temporary number.
    await Post.updateOne({ _id: a2 }, { $set: { threadId: b.id, number: -1 } });
    const merged = await agents.moderator.post(`/api/threads/${a.id}/merge`).send({ targetThread: b.id });
    expect(merged.status).toBe(200);
    expect(await postsOf(b.id)).toEqual([
      { id: a.firstPostId, number: 1 },
      { id: b.firstPostId, number: 2 },
      { id: a2, number: 3 },
    ]);
    expect(await Post.countDocuments({ threadId: b.id })).toBe(3);
  });

  it("refuses itself, a merged thread, bad input and everyone but moderators", async () => {
    const a = await startThread("Wątek A, który nie zostanie scalony");
    const b = await startThread("Wątek B, który nie przyjmie wpisów");
    const merge = (agent: TestAgent, body: object, id = a.id) => agent.post(`/api/threads/${id}/merge`).send(body);
    const bad = await merge(agents.moderator, { targetThread: "coś" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("To nie jest link do wątku ani jego identyfikator.");
    expect((await merge(agents.moderator, { targetThread: a.id })).status).toBe(400);
    expect((await merge(agents.moderator, { targetThread: "0123456789abcdef01234567" })).status).toBe(404);
    expect((await merge(agents.memberA, { targetThread: b.id })).status).toBe(403);
    expect((await merge(agents.expert, { targetThread: b.id })).status).toBe(403);
    expect((await merge(agents.memberB, { targetThread: b.id })).status).toBe(404);
    expect(await postsOf(b.id)).toHaveLength(1);
    expect((await merge(agents.moderator, { targetThread: b.id })).status).toBe(200);
    expect((await merge(agents.moderator, { targetThread: b.id })).status).toBe(409);
    const c = await startThread("Wątek C do scalenia ze stubem");
    expect((await merge(agents.moderator, { targetThread: a.id }, c.id)).status).toBe(409);
  });
});

describe("POST /threads/:id/split", () => {
  it("moves selected posts into a new thread, numbered in time order on both sides", async () => {
    const source = await startThread("Wątek, z którego wydzielamy");
    const p2 = await reply(source.id, "Na temat", agents.memberA2);
    const p3 = await reply(source.id, "Nie na temat 1");
    const p4 = await reply(source.id, "Na temat 2", agents.memberA2);
    const p5 = await reply(source.id, "Nie na temat 2");
    const annaId = (await User.findOne({ email: DEMO.memberA }).lean())!._id;
    await agents.memberA.put(`/api/threads/${source.id}/read`).send({ number: 3 });

    const split = await agents.moderator.post(`/api/threads/${source.id}/split`).send({
      postIds: [p5, p3],
      target: { kind: "new", title: "Wydzielony wątek poboczny", categoryId: categories.financeA },
    });
    expect(split.status).toBe(201);
    const newId: string = split.body.threadId;
    expect(await postsOf(source.id)).toEqual([
      { id: source.firstPostId, number: 1 },
      { id: p2, number: 2 },
      { id: p4, number: 3 },
    ]);
    expect(await postsOf(newId)).toEqual([
      { id: p3, number: 1 },
      { id: p5, number: 2 },
    ]);
    expect(await Thread.findById(source.id).lean()).toMatchObject({ postCount: 3, lastPostNumber: 3 });
    const created = await Thread.findById(newId).lean();
    expect(created).toMatchObject({ title: "Wydzielony wątek poboczny", postCount: 2, lastPostNumber: 2 });
    expect(created?.authorId.toString()).toBe(annaId.toString());
    // Anna had read up to the old #3: #1 and #2 are still read in the source, p3 in the new thread.
    expect((await ReadPosition.findOne({ userId: annaId, threadId: source.id }).lean())?.lastReadNumber).toBe(2);
    expect((await ReadPosition.findOne({ userId: annaId, threadId: newId }).lean())?.lastReadNumber).toBe(1);
    const event = await Event.findOne({ name: "threads.split", subjectId: source.id }).lean();
    expect(event?.data).toMatchObject({
      before: { threadId: source.id, postIds: [p3, p5], postCount: 5 },
      after: { threadId: newId, created: true, categoryId: categories.financeA, postCount: 2, sourcePostCount: 3 },
    });
  });

  it("moves selected posts into an existing thread among its posts", async () => {
    const target = await startThread("Istniejący wątek docelowy");
    const source = await startThread("Wątek źródłowy podziału");
    const t2 = await reply(target.id, "Cel: druga");
    const s2 = await reply(source.id, "Źródło: do przeniesienia");
    const t3 = await reply(target.id, "Cel: trzecia");
    const split = await agents.moderator
      .post(`/api/threads/${source.id}/split`)
      .send({ postIds: [s2], target: { kind: "existing", thread: target.id } });
    expect(split.status).toBe(200);
    expect(await postsOf(target.id)).toEqual([
      { id: target.firstPostId, number: 1 },
      { id: t2, number: 2 },
      { id: s2, number: 3 },
      { id: t3, number: 4 },
    ]);
    expect(await postsOf(source.id)).toEqual([{ id: source.firstPostId, number: 1 }]);
  });

  it("keeps the opening post and refuses bad input and everyone but moderators", async () => {
    const source = await startThread("Wątek z pierwszym wpisem");
    const p2 = await reply(source.id, "Druga");
    const other = await startThread("Wątek z innej kategorii", agents.memberB, categories.discussionB);
    const split = (agent: TestAgent, body: object) => agent.post(`/api/threads/${source.id}/split`).send(body);
    const toNew = (postIds: string[]) => ({
      postIds,
      target: { kind: "new", title: "Nowy wątek z podziału", categoryId: categories.discussionA },
    });
    const opening = await split(agents.moderator, toNew([source.firstPostId, p2]));
    expect(opening.status).toBe(409);
    expect(opening.body.error.message).toContain("Pierwszy wpis wątku zostaje na miejscu");
    expect((await split(agents.moderator, toNew([]))).status).toBe(400);
    expect((await split(agents.moderator, toNew([other.firstPostId]))).status).toBe(400);
    expect(
      (
        await split(agents.moderator, {
          postIds: [p2],
          target: { kind: "new", title: "x", categoryId: categories.discussionA },
        })
      ).status,
    ).toBe(400);
    expect(
      (await split(agents.moderator, { postIds: [p2], target: { kind: "existing", thread: source.id } })).status,
    ).toBe(400);
    expect((await split(agents.memberA, toNew([p2]))).status).toBe(403);
    expect((await split(agents.expert, toNew([p2]))).status).toBe(403);
    expect((await split(agents.memberB, toNew([p2]))).status).toBe(404);
    expect(await postsOf(source.id)).toHaveLength(2);
  });
});

describe("merged stubs in lists", () => {
  it("hides only stubs: threads stored before mergedIntoId existed (no such field) are still listed", async () => {
    const old = await startThread("Wątek sprzed scalania wątków");
    await Thread.collection.updateOne(
      { _id: new Thread.base.Types.ObjectId(old.id) },
      { $unset: { mergedIntoId: "" } },
    );
    expect(
      Object.keys((await Thread.collection.findOne({ title: "Wątek sprzed scalania wątków" })) ?? {}),
    ).not.toContain("mergedIntoId");
    const list = (await agents.memberA.get(`/api/categories/${categories.discussionA}/threads`)).body;
    expect(list.threads.map((thread: { id: string }) => thread.id)).toContain(old.id);
  });
});

describe("GET /restructure/categories", () => {
  it("lists every space's categories for moderators only", async () => {
    const targets = (await agents.moderator.get("/api/restructure/categories")).body as RestructureTargets;
    expect(targets.spaces[0]?.group).toBeNull();
    const ids = targets.spaces.flatMap((space) => space.categories.map((category) => category.id));
    expect(ids).toEqual(expect.arrayContaining(Object.values(categories)));
    expect((await agents.memberA.get("/api/restructure/categories")).status).toBe(404);
    expect((await agents.expert.get("/api/restructure/categories")).status).toBe(404);
  });
});

describe("live restructuring", () => {
  const sockets: ForumClient[] = [];
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  const next = <T>(
    socket: ForumClient,
    name: "thread.moved" | "thread.merged" | "thread.postsMoved" | "threads.restructured",
  ) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${name}`)), 5_000);
      socket.once(name, ((payload: T) => {
        clearTimeout(timer);
        resolve(payload);
      }) as never);
    });

  it("thread.moved tells readers the new place and those who lost access only that it is gone", async () => {
    const thread = await startThread("Wątek przenoszony na żywo");
    const member = await connectAs(server.url, DEMO.memberA);
    const expert = await connectAs(server.url, DEMO.expert);
    sockets.push(member, expert);
    expect((await joinThread(member, thread.id)).ok).toBe(true);
    expect((await joinThread(expert, thread.id)).ok).toBe(true);
    const [toMember, toExpert] = [next<ThreadMoved>(member, "thread.moved"), next<ThreadMoved>(expert, "thread.moved")];
    await agents.moderator.post(`/api/threads/${thread.id}/move`).send({ categoryId: categories.discussionB });
    expect(await toMember).toEqual({ threadId: thread.id, readable: false });
    expect(await toExpert).toMatchObject({
      threadId: thread.id,
      readable: true,
      category: { id: categories.discussionB, name: expect.any(String) },
      group: { slug: "gwd-wielkopolska-pomorze" },
    });
  });

  it("thread.merged sends readers to the target, thread.postsMoved reaches both threads of a split", async () => {
    const a = await startThread("Wątek A scalany na żywo");
    const b = await startThread("Wątek B przyjmujący na żywo");
    const watcher = await connectAs(server.url, DEMO.memberA);
    const outsider = await connectAs(server.url, DEMO.memberB);
    sockets.push(watcher, outsider);
    await joinThread(watcher, a.id);
    // Group B's member cannot even join: the event never reaches them.
    expect((await joinThread(outsider, a.id)).ok).toBe(false);
    let outsiderGot = false;
    outsider.on("thread.merged", () => (outsiderGot = true));
    const merged = next<{ threadId: string; targetThreadId: string | null }>(watcher, "thread.merged");
    await agents.moderator.post(`/api/threads/${a.id}/merge`).send({ targetThread: b.id });
    expect(await merged).toEqual({ threadId: a.id, targetThreadId: b.id });

    await joinThread(watcher, b.id);
    const p = await reply(b.id, "Do wydzielenia na żywo");
    const out = next<{ direction: string; postIds: string[] }>(watcher, "thread.postsMoved");
    await agents.moderator
      .post(`/api/threads/${b.id}/split`)
      .send({ postIds: [p], target: { kind: "new", title: "Wydzielony na żywo", categoryId: categories.discussionA } });
    expect(await out).toEqual({ threadId: b.id, direction: "out", postIds: [p] });
    expect(outsiderGot).toBe(false);
  });

  it("threads.restructured reaches the rooms of the spaces involved only", async () => {
    const source = await startThread("Wątek, którego lista się zmienia");
    const p = await reply(source.id, "Do nowego wątku w sieci");
    const groupMember = await connectAs(server.url, DEMO.memberA);
    const otherGroup = await connectAs(server.url, DEMO.memberB);
    sockets.push(groupMember, otherGroup);
    let otherGroupGot = false;
    otherGroup.on("threads.restructured", () => (otherGroupGot = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const toMember = next<{ threadId: string }>(groupMember, "threads.restructured");
    const split = await agents.moderator
      .post(`/api/threads/${source.id}/split`)
      .send({ postIds: [p], target: { kind: "new", title: "Wydzielony do grupy A", categoryId: categories.financeA } });
    expect(split.status).toBe(201);
    expect(await toMember).toEqual({ threadId: source.id });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(otherGroupGot).toBe(false);
  });
});
