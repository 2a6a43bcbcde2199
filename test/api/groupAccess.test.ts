import { randomUUID } from "node:crypto";
import request from "supertest";
import type { CategorySummary, GroupDetail } from "@forum/shared";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
/** Ids of one category and thread in each group, and in the network-wide space. */
const ids: Record<"a" | "b" | "network", { category: string; thread: string }> = {
  a: { category: "", thread: "" },
  b: { category: "", thread: "" },
  network: { category: "", thread: "" },
};

async function firstThreadIn(groupSlug: string): Promise<{ category: string; thread: string }> {
  const moderator = await signedInAgent(server.url, DEMO.moderator);
  const detail = (await moderator.get(`/api/groups/${groupSlug}`)).body as GroupDetail;
  const category = detail.categories.find((candidate: CategorySummary) => candidate.threadCount > 0);
  if (!category) throw new Error(`no thread in ${groupSlug}`);
  const threads = (await moderator.get(`/api/categories/${category.id}/threads`)).body as { threads: { id: string }[] };
  return { category: category.id, thread: threads.threads[0]?.id ?? "" };
}

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "access" });
  ids.a = await firstThreadIn("gwd-malopolska");
  ids.b = await firstThreadIn("gwd-wielkopolska-pomorze");
  const { Category } = await import("../../server/src/models/Category.js");
  const { Thread } = await import("../../server/src/models/Thread.js");
  const networkCategory = await Category.findOne({ groupId: null, slug: "siec-liderow" }).lean();
  const networkThread = await Thread.findOne({ categoryId: networkCategory?._id }).lean();
  ids.network = { category: String(networkCategory?._id), thread: String(networkThread?._id) };
}, 120_000);
afterAll(() => server?.stop());

const reply = () => ({ body: "Wpis testowy z kontroli dostępu.", clientId: randomUUID() });

describe("a visitor", () => {
  it.each([
    ["/api/groups"],
    ["/api/groups/gwd-malopolska"],
    [`/api/categories/CATEGORY_A/threads`],
    [`/api/threads/THREAD_A`],
  ])("is asked to sign in for %s", async (path) => {
    const response = await request(server.url).get(
      path.replace("CATEGORY_A", ids.a.category).replace("THREAD_A", ids.a.thread),
    );
    expect(response.status).toBe(401);
    expect(response.body.error.message).toBe("Zaloguj się, aby kontynuować.");
  });

  it("cannot post", async () => {
    const visitor = await csrfAgent(server.url);
    const response = await visitor.post(`/api/threads/${ids.a.thread}/posts`).send(reply());
    expect(response.status).toBe(401);
  });
});

describe("a member of group A", () => {
  it("lists only group A", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    const response = await agent.get("/api/groups");
    expect(response.body.groups.map((group: { slug: string }) => group.slug)).toEqual(["gwd-malopolska"]);
  });

  it("reads group A, its categories and threads, and replies there", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    expect((await agent.get("/api/groups/gwd-malopolska")).status).toBe(200);
    expect((await agent.get(`/api/categories/${ids.a.category}/threads`)).status).toBe(200);
    expect((await agent.get(`/api/threads/${ids.a.thread}`)).status).toBe(200);
    expect((await agent.post(`/api/threads/${ids.a.thread}/posts`).send(reply())).status).toBe(201);
  });

  it("gets 404 for every group-B resource, as if it did not exist", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    for (const response of [
      await agent.get("/api/groups/gwd-wielkopolska-pomorze"),
      await agent.get(`/api/categories/${ids.b.category}/threads`),
      await agent.get(`/api/threads/${ids.b.thread}`),
      await agent.post(`/api/threads/${ids.b.thread}/posts`).send(reply()),
    ]) {
      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toMatch(/Wielkopolska|Suchy Las/);
    }
  });

  it("reads and writes in the network-wide space", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    expect((await agent.get(`/api/threads/${ids.network.thread}`)).status).toBe(200);
    expect((await agent.post(`/api/threads/${ids.network.thread}/posts`).send(reply())).status).toBe(201);
  });

  it("gets 404 for a malformed id, not a server error", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    expect((await agent.get("/api/threads/nie-id")).status).toBe(404);
    expect((await agent.get("/api/categories/123/threads")).status).toBe(404);
  });
});

describe("an expert", () => {
  it("reads every group", async () => {
    const agent = await signedInAgent(server.url, DEMO.expert);
    const response = await agent.get("/api/groups");
    expect(response.body.groups).toHaveLength(3);
    expect((await agent.get(`/api/threads/${ids.a.thread}`)).status).toBe(200);
  });

  it("writes only where invited (member of group B, not of A)", async () => {
    const agent = await signedInAgent(server.url, DEMO.expert);
    const refused = await agent.post(`/api/threads/${ids.a.thread}/posts`).send(reply());
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("Nie masz uprawnień do tej operacji.");
    expect((await agent.post(`/api/threads/${ids.b.thread}/posts`).send(reply())).status).toBe(201);
  });
});

describe("a moderator", () => {
  it("reads and writes in every group", async () => {
    const agent = await signedInAgent(server.url, DEMO.moderator);
    expect((await agent.get("/api/groups")).body.groups).toHaveLength(3);
    expect((await agent.post(`/api/threads/${ids.b.thread}/posts`).send(reply())).status).toBe(201);
  });
});
