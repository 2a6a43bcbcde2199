import { randomUUID } from "node:crypto";
import type { GroupDetail, ThreadDetail } from "@forum/shared";
import { Event } from "../../server/src/models/Event.js";
import { Post } from "../../server/src/models/Post.js";
import { Thread } from "../../server/src/models/Thread.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
let threadId = "";

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "posts" });
  const agent = await signedInAgent(server.url, DEMO.memberA);
  const detail = (await agent.get("/api/groups/gwd-malopolska")).body as GroupDetail;
  const category = detail.categories.find((candidate) => candidate.slug === "dyskusje");
  const threads = (await agent.get(`/api/categories/${category?.id}/threads`)).body as { threads: { id: string }[] };
  threadId = threads.threads[0]?.id ?? "";
}, 120_000);
afterAll(() => server?.stop());

describe("replying in a thread", () => {
  it("stores the post, renders markdown on the server and records an event", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    const response = await agent
      .post(`/api/threads/${threadId}/posts`)
      .send({ body: "**Ważne:** zobacz https://example.pl\n\n- punkt", clientId: randomUUID() });
    expect(response.status).toBe(201);
    expect(response.body.post.author).toEqual({ id: expect.any(String), name: "Anna Kowalska", jstName: "Wieliczka" });
    expect(response.body.post.html).toContain("<strong>Ważne:</strong>");
    expect(response.body.post.html).toContain('rel="nofollow noopener ugc"');
    expect(response.body.post.html).toContain("<li>punkt</li>");

    const thread = (await agent.get(`/api/threads/${threadId}`)).body as ThreadDetail;
    expect(thread.posts.at(-1)?.id).toBe(response.body.post.id);
    const event = await Event.findOne({ name: "posts.create", subjectId: response.body.post.id }).lean();
    expect(event?.threadId?.toString()).toBe(threadId);
  });

  it("stores a retried send exactly once", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    const payload = { body: "Wysyłam dwa razy, zapisuję raz.", clientId: randomUUID() };
    const before = await Thread.findById(threadId).lean();
    const first = await agent.post(`/api/threads/${threadId}/posts`).send(payload);
    const second = await agent.post(`/api/threads/${threadId}/posts`).send(payload);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.post.id).toBe(first.body.post.id);
    expect(await Post.countDocuments({ clientId: payload.clientId })).toBe(1);
    const after = await Thread.findById(threadId).lean();
    expect(after?.postCount).toBe((before?.postCount ?? 0) + 1);
  });

  it("neutralises HTML and script in the body", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    const response = await agent.post(`/api/threads/${threadId}/posts`).send({
      body: "<script>alert(1)</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1))",
      clientId: randomUUID(),
    });
    expect(response.status).toBe(201);
    const html: string = response.body.post.html;
    expect(html).not.toMatch(/<(script|img)\b/i);
    expect(html).not.toMatch(/<[^>]+\son\w+=/i);
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("&lt;script&gt;");
  });

  it.each([
    [{ body: "   ", clientId: randomUUID() }, "Treść wpisu nie może być pusta."],
    [{ body: "x".repeat(20_001), clientId: randomUUID() }, "Wpis może mieć najwyżej 20000 znaków."],
    [{ body: "Treść", clientId: "nie-uuid" }, "Nieprawidłowy identyfikator wpisu."],
  ])("rejects bad input with a Polish message (%#)", async (payload, message) => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    const count = await Post.countDocuments({ threadId });
    const response = await agent.post(`/api/threads/${threadId}/posts`).send(payload);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(message);
    expect(await Post.countDocuments({ threadId })).toBe(count);
  });
});
