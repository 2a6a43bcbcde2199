import { randomUUID } from "node:crypto";
import type TestAgent from "supertest/lib/agent.js";
import type { GroupDetail, SearchResults } from "@forum/shared";
import { Category } from "../../server/src/models/Category.js";
import { SearchEntry } from "../../server/src/models/SearchEntry.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
const agents = {} as Record<"visitor" | "memberA" | "memberB" | "moderator", TestAgent>;
const categories = { discussionA: "", network: "" };

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "search" });
  agents.visitor = await csrfAgent(server.url);
  agents.memberA = await signedInAgent(server.url, DEMO.memberA);
  agents.memberB = await signedInAgent(server.url, DEMO.memberB);
  agents.moderator = await signedInAgent(server.url, DEMO.moderator);
  const groupA = (await agents.moderator.get("/api/groups/gwd-malopolska")).body as GroupDetail;
  categories.discussionA = groupA.categories.find((category) => category.slug === "dyskusje")?.id ?? "";
  categories.network = String((await Category.findOne({ groupId: null, slug: "siec-liderow" }).lean())?._id);
}, 120_000);
afterAll(() => server?.stop());

const searchAs = async (agent: TestAgent, query: Record<string, string>): Promise<SearchResults> => {
  const response = await agent.get("/api/search").query(query);
  expect(response.status).toBe(200);
  return response.body as SearchResults;
};
const ids = (results: SearchResults) => results.hits.map((hit) => hit.id);

/** The index follows events asynchronously (right after the command): wait until it shows the expected state. */
async function eventually(check: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe("GET /api/search input", () => {
  it.each([
    [{}, "Wpisz, czego szukasz."],
    [{ q: "a" }, "Wpisz co najmniej 2 znaki."],
    [{ q: "x".repeat(201) }, "Zapytanie może mieć najwyżej 200 znaków."],
    [{ q: "szkoła", kind: "forum" }, "Nieznany rodzaj wyników."],
    [{ q: "szkoła", page: "0" }, "Numer strony zaczyna się od 1."],
    [{ q: "szkoła", page: "abc" }, "Numer strony musi być liczbą."],
    [{ q: "szkoła", from: "2026-13-01" }, "Podaj datę w formacie RRRR-MM-DD."],
    [{ q: "szkoła", from: "2026-05-02", to: "2026-05-01" }, "Data „od” nie może być późniejsza niż data „do”."],
    [{ q: "szkoła", group: "nie-ma-takiej" }, "Nieznana grupa."],
    [{ q: "szkoła", author: "nikt.taki" }, "Nieznany autor."],
  ])("refuses %j with a Polish message", async (query, message) => {
    const response = await agents.memberA.get("/api/search").query(query);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error)).toContain(message);
  });

  it("answers a query of stop words only with no hits", async () => {
    const results = await searchAs(agents.memberA, { q: "i w na" });
    expect(results).toMatchObject({ hits: [], total: 0, totalIsExact: true, countsByKind: {} });
  });
});

describe("the index follows the forum", () => {
  let threadId = "";
  let firstPostId = "";
  let replyId = "";

  it("finds a new thread with marked words, for its group only", async () => {
    const started = await agents.memberA.post(`/api/categories/${categories.discussionA}/threads`).send({
      title: "Hulajnogi elektryczne przed szkołami",
      body: "Rodzice pytają o **hulajnogi** elektryczne: czy szkoły mogą zakazać wjazdu na boisko?",
      clientId: randomUUID(),
    });
    expect(started.status).toBe(201);
    threadId = started.body.thread.id;
    firstPostId = started.body.post.id;
    await eventually(async () => {
      const results = await searchAs(agents.memberA, { q: "hulajnoga elektryczna" });
      expect(results.hits[0]).toMatchObject({ kind: "thread", id: threadId, url: `/watki/${threadId}` });
    });
    const [hit] = (await searchAs(agents.memberA, { q: "hulajnoga elektryczna" })).hits;
    expect(hit!.titleParts).toEqual([
      { text: "Hulajnogi", match: true },
      { text: " ", match: false },
      { text: "elektryczne", match: true },
      { text: " przed szkołami", match: false },
    ]);
    expect(hit!.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(["hulajnogi", "elektryczne"]);
    expect(hit!.snippet.map((part) => part.text).join("")).not.toContain("<");
    expect(hit!.author).toEqual({ id: expect.any(String), name: "Anna Kowalska" });
    expect(hit!.group).toEqual({ slug: "gwd-malopolska", name: expect.any(String) });
    expect(ids(await searchAs(agents.memberB, { q: "hulajnogi" }))).not.toContain(threadId);
    expect(ids(await searchAs(agents.visitor, { q: "hulajnogi" }))).toEqual([]);
  });

  it("applies the filters and counts hits by kind", async () => {
    const reply = await agents.memberA
      .post(`/api/threads/${threadId}/posts`)
      .send({ body: "Hulajnogi zostawiamy przy stojaku rowerowym.", clientId: randomUUID() });
    expect(reply.status).toBe(201);
    replyId = reply.body.post.id;
    await eventually(async () => {
      const results = await searchAs(agents.memberA, { q: "hulajnogi" });
      expect(results.countsByKind).toMatchObject({ thread: 1, post: 1 });
    });
    const posts = await searchAs(agents.memberA, { q: "hulajnogi", kind: "post" });
    expect(posts.hits.map((hit) => [hit.kind, hit.id, hit.url])).toEqual([
      ["post", replyId, `/watki/${threadId}#wpis-${replyId}`],
    ]);
    expect(posts.countsByKind).toMatchObject({ thread: 1, post: 1 });
    expect(posts.total).toBe(1);
    expect(ids(await searchAs(agents.memberA, { q: "hulajnogi", group: "gwd-malopolska" }))).toContain(threadId);
    expect(ids(await searchAs(agents.memberA, { q: "hulajnogi", group: "gwd-wielkopolska-pomorze" }))).toEqual([]);
    expect(ids(await searchAs(agents.memberA, { q: "hulajnogi", author: "anna.kowalska" }))).toContain(threadId);
    expect(ids(await searchAs(agents.memberA, { q: "hulajnogi", author: "piotr.mazur" }))).toEqual([]);
    expect(ids(await searchAs(agents.memberA, { q: "hulajnogi", from: "2020-01-01" }))).toContain(threadId);
    expect(ids(await searchAs(agents.memberA, { q: "hulajnogi", to: "2020-01-01" }))).toEqual([]);
  });

  it("follows edits, hides, deletions and moves", async () => {
    const edited = await agents.memberA
      .patch(`/api/posts/${firstPostId}`)
      .send({ body: "Rodzice pytają o rolki i deskorolki na boisku szkolnym." });
    expect(edited.status).toBe(200);
    await eventually(async () => {
      expect(ids(await searchAs(agents.memberA, { q: "deskorolki" }))).toContain(threadId);
    });
    // The title still says "Hulajnogi", the old body does not.
    const afterEdit = await searchAs(agents.memberA, { q: "zakazać wjazdu" });
    expect(ids(afterEdit)).not.toContain(threadId);

    const hidden = await agents.moderator.post(`/api/posts/${replyId}/hide`).send({ reason: "Poza tematem" });
    expect(hidden.status).toBe(200);
    await eventually(async () => {
      expect(ids(await searchAs(agents.memberA, { q: "stojaku rowerowym" }))).not.toContain(replyId);
    });

    const moved = await agents.moderator.post(`/api/threads/${threadId}/move`).send({ categoryId: categories.network });
    expect(moved.status).toBe(200);
    await eventually(async () => {
      expect(ids(await searchAs(agents.memberB, { q: "deskorolki" }))).toContain(threadId);
    });
    expect((await searchAs(agents.memberB, { q: "deskorolki" })).hits[0]!.group).toBeNull();

    const second = await agents.memberA
      .post(`/api/threads/${threadId}/posts`)
      .send({ body: "Kaski rowerowe obowiązkowe.", clientId: randomUUID() });
    await eventually(async () => {
      expect(ids(await searchAs(agents.memberA, { q: "kaski" }))).toContain(second.body.post.id);
    });
    expect((await agents.memberA.delete(`/api/posts/${second.body.post.id}`)).status).toBe(204);
    await eventually(async () => {
      expect(ids(await searchAs(agents.memberA, { q: "kaski" }))).not.toContain(second.body.post.id);
    });
    expect(await SearchEntry.countDocuments({ threadId })).toBe(1);
  });
});

describe("the demo forum's index", () => {
  it("was built at start and finds people and network threads", async () => {
    expect(await SearchEntry.countDocuments({ kind: "person" })).toBeGreaterThan(3);
    const people = await searchAs(agents.memberA, { q: "Kowalska" });
    expect(people.hits.some((hit) => hit.kind === "person" && hit.url === "/osoby/anna.kowalska")).toBe(true);
  });
});
