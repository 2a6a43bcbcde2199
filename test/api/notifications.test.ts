import { randomUUID } from "node:crypto";
import type TestAgent from "supertest/lib/agent.js";
import { quoteMarkdown, type GroupDetail, type MentionCandidate, type NotificationPage } from "@forum/shared";
import { Event } from "../../server/src/models/Event.js";
import { Notification } from "../../server/src/models/Notification.js";
import { Post } from "../../server/src/models/Post.js";
import { User } from "../../server/src/models/User.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { firstThreadIn } from "../support/sockets.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const MAGDALENA = "magdalena.wojcik@demo.forum-jst.pl";

let server: TestServer;
let anna: TestAgent;
let piotr: TestAgent;
let magdalena: TestAgent;
let marek: TestAgent;
let moderator: TestAgent;
let threadA = "";
let discussionA = "";
const userIds: Record<string, string> = {};

const idOf = async (email: string) => String((await User.findOne({ email }).lean())?._id);

/** Notifications are made by a listener after the response: wait until they are there. */
async function waitForNotifications(email: string, filter: Record<string, unknown>, count = 1) {
  const recipientId = userIds[email];
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const found = await Notification.find({ recipientId, ...filter }).lean();
    if (found.length >= count) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${JSON.stringify(filter)} notification for ${email}`);
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 700));

const reply = async (agent: TestAgent, threadId: string, body: string) => {
  const response = await agent.post(`/api/threads/${threadId}/posts`).send({ body, clientId: randomUUID() });
  expect(response.status).toBe(201);
  return response.body.post as { id: string; html: string };
};

const startThread = async (agent: TestAgent, title: string, body = "Treść pierwszego wpisu.") => {
  const response = await agent
    .post(`/api/categories/${discussionA}/threads`)
    .send({ title, body, clientId: randomUUID() });
  expect(response.status).toBe(201);
  return { threadId: response.body.thread.id as string, postId: response.body.post.id as string };
};

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "notify" });
  [anna, piotr, magdalena, marek, moderator] = await Promise.all([
    signedInAgent(server.url, DEMO.memberA),
    signedInAgent(server.url, PIOTR),
    signedInAgent(server.url, MAGDALENA),
    signedInAgent(server.url, DEMO.memberB),
    signedInAgent(server.url, DEMO.moderator),
  ]);
  threadA = await firstThreadIn(anna, "gwd-malopolska", "dyskusje");
  const detail = (await anna.get("/api/groups/gwd-malopolska")).body as GroupDetail;
  discussionA = detail.categories.find((category) => category.slug === "dyskusje")?.id ?? "";
  for (const email of [DEMO.memberA, PIOTR, MAGDALENA, DEMO.memberB, DEMO.moderator, DEMO.expert])
    userIds[email] = await idOf(email);
}, 120_000);
afterAll(() => server?.stop());

describe("usernames", () => {
  it("come from the e-mail's local part, with a number when taken", async () => {
    expect((await User.findOne({ email: DEMO.memberA }).lean())?.username).toBe("anna.kowalska");
    const twin = await User.create({
      email: "Anna.Kowalska@inna-gmina.pl",
      passwordHash: "x",
      name: "Anna Kowalska (druga)",
      status: "rejected",
    });
    expect(twin.username).toBe("anna.kowalska2");
  });
});

describe("GET /api/threads/:id/mentionable", () => {
  const names = async (agent: TestAgent, q: string) => {
    const response = await agent.get(`/api/threads/${threadA}/mentionable`).query({ q });
    expect(response.status).toBe(200);
    return (response.body.users as MentionCandidate[]).map((user) => user.username);
  };

  it("suggests only people who may read the thread, by name or username, without diacritics", async () => {
    expect(await names(anna, "wojcik")).toEqual(["magdalena.wojcik"]);
    expect(await names(anna, "Wójc")).toEqual(["magdalena.wojcik"]);
    expect(await names(anna, "piotr.m")).toEqual(["piotr.mazur"]);
    // The expert reads every group; a member of another group does not.
    expect(await names(anna, "zielin")).toEqual(["ewa.zielinska"]);
    expect(await names(anna, "kaminski")).toEqual([]);
    expect(await names(anna, "mar")).not.toContain("marek.kaminski");
    const everyone = await names(anna, "");
    expect(everyone.length).toBeGreaterThan(0);
    expect(everyone).not.toContain("marek.kaminski");
    expect(everyone).not.toContain("joanna.lewandowska");
  });

  it("answers 404 to someone who cannot read the thread and 400 to a too long query", async () => {
    expect((await marek.get(`/api/threads/${threadA}/mentionable`).query({ q: "a" })).status).toBe(404);
    const long = await anna.get(`/api/threads/${threadA}/mentionable`).query({ q: "a".repeat(61) });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toContain("najwyżej 60 znaków");
  });
});

describe("GET /api/categories/:id/mentionable (a thread being started)", () => {
  it("suggests the category's readers only, and hides the category from others", async () => {
    const response = await anna.get(`/api/categories/${discussionA}/mentionable`).query({ q: "mar" });
    expect(response.status).toBe(200);
    const usernames = (response.body.users as MentionCandidate[]).map((user) => user.username);
    expect(usernames).not.toContain("marek.kaminski");
    expect(
      (
        (await anna.get(`/api/categories/${discussionA}/mentionable`).query({ q: "wojcik" })).body
          .users as MentionCandidate[]
      ).map((user) => user.username),
    ).toEqual(["magdalena.wojcik"]);
    expect((await marek.get(`/api/categories/${discussionA}/mentionable`).query({ q: "a" })).status).toBe(404);
  });
});

describe("mentions", () => {
  it("link only people who may read the thread and notify only them, never the writer", async () => {
    const post = await reply(
      anna,
      threadA,
      "Pytanie do @piotr.mazur, @marek.kaminski i do mnie @anna.kowalska. `@piotr.mazur`",
    );
    expect(post.html).toContain('<a class="mention" href="/osoby/piotr.mazur"');
    expect(post.html).not.toContain('href="/osoby/marek.kaminski"');
    expect(post.html).toContain("@marek.kaminski");
    expect(post.html).toContain("<code>@piotr.mazur</code>");

    const stored = await Post.findById(post.id).lean();
    expect(stored?.mentionedUserIds.map(String).sort()).toEqual([userIds[DEMO.memberA], userIds[PIOTR]].sort());
    const event = await Event.findOne({ name: "posts.create", subjectId: post.id }).lean();
    expect((event?.data as { mentionedUserIds: string[] }).mentionedUserIds).toContain(userIds[PIOTR]);

    const [mention] = await waitForNotifications(PIOTR, { kind: "mention", postId: post.id });
    expect(mention?.actorId?.toString()).toBe(userIds[DEMO.memberA]);
    await settle();
    expect(await Notification.countDocuments({ postId: post.id, recipientId: userIds[DEMO.memberB] })).toBe(0);
    expect(await Notification.countDocuments({ postId: post.id, recipientId: userIds[DEMO.memberA] })).toBe(0);
  });

  it("on edit, notify only people mentioned for the first time", async () => {
    const post = await reply(anna, threadA, "Wstępnie @piotr.mazur");
    await waitForNotifications(PIOTR, { kind: "mention", postId: post.id });
    const edited = await anna
      .patch(`/api/posts/${post.id}`)
      .send({ body: "Wstępnie @piotr.mazur oraz @magdalena.wojcik" });
    expect(edited.status).toBe(200);
    expect(edited.body.post.html).toContain('href="/osoby/magdalena.wojcik"');
    await waitForNotifications(MAGDALENA, { kind: "mention", postId: post.id });
    const event = await Event.findOne({ name: "posts.edit", subjectId: post.id }).lean();
    expect((event?.data as { newMentionIds: string[] }).newMentionIds).toEqual([userIds[MAGDALENA]]);
    await settle();
    expect(await Notification.countDocuments({ postId: post.id, recipientId: userIds[PIOTR] })).toBe(1);
  });
});

describe("quotes", () => {
  it("store the quoted post and notify its author", async () => {
    const original = await reply(magdalena, threadA, "Budżet na wspomaganie szkół rośnie.");
    const body = `${quoteMarkdown({ authorName: "Magdalena Wójcik", threadId: threadA, postId: original.id, text: "Budżet rośnie." })}Zgadzam się.`;
    const post = await reply(piotr, threadA, body);
    expect(post.html).toContain("<blockquote>");
    expect(post.html).toContain(`href="/watki/${threadA}#wpis-${original.id}"`);
    expect((await Post.findById(post.id).lean())?.quotedPostIds.map(String)).toEqual([original.id]);
    const [quote] = await waitForNotifications(MAGDALENA, { kind: "quote", postId: post.id });
    expect(quote?.actorId?.toString()).toBe(userIds[PIOTR]);
  });
});

describe("watch levels", () => {
  it("default to watching for the thread's author and tracking for someone who replies", async () => {
    const { threadId } = await startThread(anna, "Wątek do obserwowania");
    expect((await anna.get(`/api/threads/${threadId}/watch`)).body).toEqual({ level: "watching" });
    expect((await piotr.get(`/api/threads/${threadId}/watch`)).body).toEqual({ level: null });
    const answer = await reply(piotr, threadId, "Odpowiadam.");
    expect((await piotr.get(`/api/threads/${threadId}/watch`)).body).toEqual({ level: "tracking" });
    // The author watches: every reply reaches her; the replier only tracks: the author's next post does not.
    await waitForNotifications(DEMO.memberA, { kind: "reply", postId: answer.id });
    const next = await reply(anna, threadId, "Dziękuję.");
    await settle();
    expect(await Notification.countDocuments({ postId: next.id, recipientId: userIds[PIOTR] })).toBe(0);
  });

  it("muted silences even mentions; the level can be reset; bad levels are refused in Polish", async () => {
    const { threadId } = await startThread(anna, "Wątek wyciszony");
    const muted = await piotr.put(`/api/threads/${threadId}/watch`).send({ level: "muted" });
    expect(muted.status).toBe(200);
    expect(muted.body).toEqual({ level: "muted" });
    const post = await reply(anna, threadId, "Czy @piotr.mazur to widzi?");
    await settle();
    expect(await Notification.countDocuments({ postId: post.id, recipientId: userIds[PIOTR] })).toBe(0);

    expect((await piotr.put(`/api/threads/${threadId}/watch`).send({ level: null })).body).toEqual({ level: null });
    const bad = await piotr.put(`/api/threads/${threadId}/watch`).send({ level: "zawsze" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("Nieznany poziom obserwowania.");
    expect((await marek.put(`/api/threads/${threadId}/watch`).send({ level: "watching" })).status).toBe(404);
  });

  it("watching a category notifies of each new thread in it", async () => {
    const set = await magdalena.put(`/api/categories/${discussionA}/watch`).send({ level: "watching" });
    expect(set.body).toEqual({ level: "watching" });
    expect((await magdalena.get(`/api/categories/${discussionA}/watch`)).body).toEqual({ level: "watching" });
    const { postId } = await startThread(piotr, "Nowy wątek w obserwowanej kategorii");
    await waitForNotifications(MAGDALENA, { kind: "new_thread", postId });
    expect((await marek.get(`/api/categories/${discussionA}/watch`)).status).toBe(404);
    await magdalena.put(`/api/categories/${discussionA}/watch`).send({ level: null });
  });
});

describe("reactions and moderation", () => {
  it("collapse repeated reactions to one post into one unread notification", async () => {
    const post = await reply(anna, threadA, "Wpis do polubienia.");
    expect((await piotr.put(`/api/posts/${post.id}/reactions/like`)).status).toBe(200);
    await waitForNotifications(DEMO.memberA, { kind: "reaction", postId: post.id });
    expect((await magdalena.put(`/api/posts/${post.id}/reactions/thanks`)).status).toBe(200);
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const collapsed = await Notification.find({ postId: post.id, recipientId: userIds[DEMO.memberA] }).lean();
      if (collapsed[0]?.count === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const collapsed = await Notification.find({ postId: post.id, recipientId: userIds[DEMO.memberA] }).lean();
    expect(collapsed).toHaveLength(1);
    expect(collapsed[0]).toMatchObject({ count: 2, reaction: "thanks" });
    expect(collapsed[0]?.actorId?.toString()).toBe(userIds[MAGDALENA]);
  });

  it("tell the author when a moderator edits or deletes their post, not when they do it themselves", async () => {
    const post = await reply(anna, threadA, "Wpis do moderacji.");
    expect((await anna.patch(`/api/posts/${post.id}`).send({ body: "Poprawiam sama." })).status).toBe(200);
    expect((await moderator.patch(`/api/posts/${post.id}`).send({ body: "Poprawione przez moderację." })).status).toBe(
      200,
    );
    await waitForNotifications(DEMO.memberA, { kind: "moderation", postId: post.id });
    expect((await moderator.delete(`/api/posts/${post.id}`)).status).toBe(204);
    await waitForNotifications(DEMO.memberA, { kind: "moderation", postId: post.id }, 2);
    await settle();
    expect(await Notification.countDocuments({ postId: post.id, recipientId: userIds[DEMO.memberA] })).toBe(2);
  });
});

describe("the notification list", () => {
  it("pages with a cursor, counts unread, marks one and all read, and keeps each person's own", async () => {
    const first = (await piotr.get("/api/notifications").query({ limit: 1 })).body as NotificationPage;
    expect(first.notifications).toHaveLength(1);
    expect(first.unreadCount).toBeGreaterThanOrEqual(2);
    expect(first.notifications[0]).toMatchObject({ read: false, target: { kind: "thread", id: expect.any(String) } });
    expect(first.nextCursor).toBe(first.notifications[0]?.id);
    const second = (await piotr.get("/api/notifications").query({ limit: 1, before: first.nextCursor }))
      .body as NotificationPage;
    expect(second.notifications[0]?.id).not.toBe(first.notifications[0]?.id);
    expect(second.notifications).toHaveLength(1);
    expect((second.notifications[0]?.id ?? "z") < (first.notifications[0]?.id ?? "")).toBe(true);

    const target = first.notifications[0]?.id ?? "";
    expect((await anna.post(`/api/notifications/${target}/read`)).status).toBe(404);
    const marked = await piotr.post(`/api/notifications/${target}/read`);
    expect(marked.status).toBe(200);
    expect(marked.body.unreadCount).toBe(first.unreadCount - 1);
    expect((await piotr.get("/api/notifications/unread-count")).body).toEqual({ unreadCount: first.unreadCount - 1 });

    expect((await piotr.post("/api/notifications/read-all")).body).toEqual({ unreadCount: 0 });
    expect((await piotr.get("/api/notifications/unread-count")).body).toEqual({ unreadCount: 0 });
    expect((await anna.get("/api/notifications/unread-count")).body.unreadCount).toBeGreaterThan(0);
    expect((await piotr.get("/api/notifications").query({ before: "zly-kursor" })).status).toBe(400);
  });
});

describe("opening a thread", () => {
  it("marks that thread's notifications read, and only those, through a recorded command", async () => {
    const opened = await startThread(anna, "Otwarcie wątku czyści jego powiadomienia");
    const other = await startThread(anna, "Inny wątek z wzmianką");
    await reply(anna, opened.threadId, "Pytanie do @piotr.mazur");
    await reply(anna, other.threadId, "Też pytanie do @piotr.mazur");
    const recipientId = userIds[PIOTR];
    await waitForNotifications(PIOTR, { threadId: opened.threadId, read: false });
    await waitForNotifications(PIOTR, { threadId: other.threadId, read: false });
    await settle();
    const aboutOpened = await Notification.countDocuments({ recipientId, threadId: opened.threadId, read: false });
    const before = (await piotr.get("/api/notifications/unread-count")).body as { unreadCount: number };

    expect((await piotr.get(`/api/threads/${opened.threadId}`)).status).toBe(200);

    expect(await Notification.countDocuments({ recipientId, threadId: opened.threadId, read: false })).toBe(0);
    expect(await Notification.countDocuments({ recipientId, threadId: other.threadId, read: false })).toBe(1);
    const after = (await piotr.get("/api/notifications/unread-count")).body as { unreadCount: number };
    expect(after.unreadCount).toBe(before.unreadCount - aboutOpened);
    const event = await Event.findOne({ name: "notifications.read", subjectId: recipientId })
      .sort({ createdAt: -1 })
      .lean();
    expect(event?.data).toMatchObject({ threadId: opened.threadId, count: aboutOpened });
    // Opening it again changes nothing and records nothing more.
    await piotr.get(`/api/threads/${opened.threadId}`);
    expect(await Event.countDocuments({ name: "notifications.read", "data.threadId": opened.threadId })).toBe(1);
  });
});
