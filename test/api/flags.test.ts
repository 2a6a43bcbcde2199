import { randomUUID } from "node:crypto";
import sharp from "sharp";
import type TestAgent from "supertest/lib/agent.js";
import type { FlagQueue, GroupDetail, NotificationPage, PostRevisionView, PostView } from "@forum/shared";
import { Attachment } from "../../server/src/models/Attachment.js";
import { Event } from "../../server/src/models/Event.js";
import { Flag } from "../../server/src/models/Flag.js";
import { Post } from "../../server/src/models/Post.js";
import { PostRevision } from "../../server/src/models/PostRevision.js";
import { Reaction } from "../../server/src/models/Reaction.js";
import { Thread } from "../../server/src/models/Thread.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { connectAs, joinThread, type ForumClient } from "../support/sockets.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

/** A second member of group A (GWD Małopolska). */
const PIOTR = "piotr.mazur@demo.forum-jst.pl";

let server: TestServer;
let anna: TestAgent;
let piotr: TestAgent;
let expert: TestAgent;
let moderator: TestAgent;
let admin: TestAgent;
let threadId = "";

async function reply(agent: TestAgent, body: string): Promise<PostView> {
  const response = await agent.post(`/api/threads/${threadId}/posts`).send({ body, clientId: randomUUID() });
  expect(response.status).toBe(201);
  return response.body.post as PostView;
}

const postAs = async (agent: TestAgent, postId: string) =>
  (await agent.get(`/api/posts/${postId}`)).body.post as PostView;
const lastEvent = (name: string, subjectId: string) =>
  Event.findOne({ name, subjectId }).sort({ createdAt: -1 }).lean();

async function notificationsOf(agent: TestAgent): Promise<NotificationPage["notifications"]> {
  return ((await agent.get("/api/notifications")).body as NotificationPage).notifications;
}

/** Notifications are made after the answer: wait for the one expected. */
async function waitFor<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "flags", env: { FLAGS_TO_HIDE: "2" } });
  anna = await signedInAgent(server.url, DEMO.memberA);
  piotr = await signedInAgent(server.url, PIOTR);
  expert = await signedInAgent(server.url, DEMO.expert);
  moderator = await signedInAgent(server.url, DEMO.moderator);
  admin = await signedInAgent(server.url, DEMO.admin);
  const detail = (await anna.get("/api/groups/gwd-malopolska")).body as GroupDetail;
  const category = detail.categories.find((candidate) => candidate.slug === "dyskusje");
  const created = await anna
    .post(`/api/categories/${category?.id}/threads`)
    .send({ title: "Wątek do moderacji wpisów", body: "Pierwszy wpis.", clientId: randomUUID() });
  expect(created.status).toBe(201);
  threadId = created.body.thread.id;
}, 120_000);
afterAll(() => server?.stop());

describe("hiding and restoring a post", () => {
  it("shows others a placeholder, the author the reason, and records before/after with the ip", async () => {
    const post = await reply(anna, "Wpis z **treścią** do ukrycia.");
    expect((await postAs(moderator, post.id)).can).toMatchObject({ hide: true, restore: false, purge: false });
    const hidden = await moderator.post(`/api/posts/${post.id}/hide`).send({ reason: "Wycieczki osobiste" });
    expect(hidden.status).toBe(200);
    expect(hidden.body.post).toMatchObject({ hidden: { reason: "Wycieczki osobiste", auto: false } });
    expect(hidden.body.post.can).toMatchObject({ hide: false, restore: true });

    const seenByPiotr = await postAs(piotr, post.id);
    expect(seenByPiotr.html).toBe("");
    expect(seenByPiotr.hidden).toEqual({ reason: null, auto: false });
    expect(seenByPiotr.can).toMatchObject({ react: false, flag: false, hide: false });
    const page = (await piotr.get(`/api/threads/${threadId}`)).body as { posts: PostView[] };
    expect(page.posts.find((shown) => shown.id === post.id)?.html).toBe("");
    expect((await piotr.get(`/api/posts/${post.id}/revisions`)).status).toBe(403);

    const seenByAnna = await postAs(anna, post.id);
    expect(seenByAnna.html).toContain("<strong>treścią</strong>");
    expect(seenByAnna.hidden).toEqual({ reason: "Wycieczki osobiste", auto: false });

    const event = await lastEvent("posts.hide", post.id);
    expect(event?.data).toMatchObject({
      before: { hidden: false },
      after: { hidden: true, reason: "Wycieczki osobiste", auto: false },
    });
    expect(event?.ip).toBeTruthy();
    const notice = await waitFor(
      async () => (await notificationsOf(anna)).find((item) => item.kind === "post_hidden" && item.postId === post.id),
      "the author's notice",
    );
    expect(notice.message).toBe("Wycieczki osobiste");

    expect((await moderator.post(`/api/posts/${post.id}/hide`).send({ reason: "Jeszcze raz" })).status).toBe(409);
    const restored = await moderator.post(`/api/posts/${post.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.post.hidden).toBeNull();
    expect((await postAs(piotr, post.id)).html).toContain("<strong>treścią</strong>");
    expect((await lastEvent("posts.restore", post.id))?.data).toMatchObject({
      before: { hidden: true, reason: "Wycieczki osobiste" },
      after: { hidden: false },
    });
    expect((await moderator.post(`/api/posts/${post.id}/restore`)).status).toBe(409);
  });

  it("pushes only the placeholder to the thread's room: no text, no reason", async () => {
    const socket: ForumClient = await connectAs(server.url, PIOTR);
    try {
      expect((await joinThread(socket, threadId)).ok).toBe(true);
      const post = await reply(anna, "Tajny tekst, który nie może wyjść na żywo.");
      const pushed = new Promise<PostView>((resolve) =>
        socket.on("post.updated", (payload) => {
          if (payload.post.id === post.id && payload.post.hidden) resolve(payload.post);
        }),
      );
      expect((await moderator.post(`/api/posts/${post.id}/hide`).send({ reason: "Powód poufny" })).status).toBe(200);
      const update = await pushed;
      expect(update.html).toBe("");
      expect(update.hidden).toEqual({ reason: null, auto: false });
      expect(JSON.stringify(update)).not.toContain("Tajny");
      expect(JSON.stringify(update)).not.toContain("Powód poufny");
    } finally {
      socket.disconnect();
    }
  });

  it("refuses members and experts, and a hide without a reason", async () => {
    const post = await reply(anna, "Wpis, którego nie ukryją członkowie.");
    expect((await piotr.post(`/api/posts/${post.id}/hide`).send({ reason: "Bo tak" })).status).toBe(403);
    expect((await expert.post(`/api/posts/${post.id}/hide`).send({ reason: "Bo tak" })).status).toBe(403);
    const bad = await moderator.post(`/api/posts/${post.id}/hide`).send({ reason: " " });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBeTruthy();
    expect((await Post.findById(post.id).lean())?.hiddenAt).toBeNull();
  });

  it("refuses the attachments of a hidden post to everyone but its author and moderators", async () => {
    const photo = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#993366" } })
      .png()
      .toBuffer();
    const uploaded = await anna.post("/api/uploads").attach("file", photo, "zdjęcie.png");
    expect(uploaded.status).toBe(201);
    const url: string = uploaded.body.attachment.url;
    const post = await reply(anna, `Zdjęcie: ![zdjęcie](${url})`);
    expect((await piotr.get(url)).status).toBe(200);
    expect((await moderator.post(`/api/posts/${post.id}/hide`).send({ reason: "Dane osobowe" })).status).toBe(200);
    expect((await piotr.get(url)).status).toBe(404);
    expect((await expert.get(url)).status).toBe(404);
    expect((await anna.get(url)).status).toBe(200);
    expect((await moderator.get(url)).status).toBe(200);
  });
});

describe("moderator edits", () => {
  it("names the moderator on the post and in the history, and tells the author", async () => {
    const post = await reply(anna, "Tekst z numerem PESEL 12345678901.");
    const edited = await moderator.patch(`/api/posts/${post.id}`).send({ body: "Tekst z numerem PESEL [usunięto]." });
    expect(edited.status).toBe(200);
    expect(edited.body.post.editedByModerator).toMatchObject({ name: "Katarzyna Nowak" });
    expect((await postAs(piotr, post.id)).editedByModerator).toMatchObject({ name: "Katarzyna Nowak" });
    const versions = (await anna.get(`/api/posts/${post.id}/revisions`)).body.revisions as PostRevisionView[];
    expect(versions.map((version) => [version.version, version.byModerator])).toEqual([
      [1, false],
      [2, true],
    ]);
    await waitFor(
      async () => (await notificationsOf(anna)).find((item) => item.kind === "moderation" && item.postId === post.id),
      "the author's moderation notice",
    );
  });
});

describe("purging a post", () => {
  it("lets only admins erase a post with its versions, reactions and files; the number stays a gap", async () => {
    const photo = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#112233" } })
      .png()
      .toBuffer();
    const uploaded = await anna.post("/api/uploads").attach("file", photo, "plik.png");
    const post = await reply(anna, `Do usunięcia na zawsze ![x](${uploaded.body.attachment.url as string})`);
    await anna
      .patch(`/api/posts/${post.id}`)
      .send({ body: `Zmieniony ![x](${uploaded.body.attachment.url as string})` });
    expect((await piotr.put(`/api/posts/${post.id}/reactions/like`)).status).toBe(200);
    const threadBefore = await Thread.findById(threadId).lean();

    expect((await moderator.post(`/api/posts/${post.id}/purge`)).status).toBe(403);
    expect((await anna.post(`/api/posts/${post.id}/purge`)).status).toBe(403);
    expect((await admin.post(`/api/posts/${post.id}/purge`)).status).toBe(204);

    expect(await Post.exists({ _id: post.id })).toBeNull();
    expect(await PostRevision.countDocuments({ postId: post.id })).toBe(0);
    expect(await Reaction.countDocuments({ postId: post.id })).toBe(0);
    expect(await Attachment.countDocuments({ _id: uploaded.body.attachment.id })).toBe(0);
    const threadAfter = await Thread.findById(threadId).lean();
    expect(threadAfter?.postCount).toBe((threadBefore?.postCount ?? 0) - 1);
    expect(threadAfter?.lastPostNumber).toBe(threadBefore?.lastPostNumber);
    const next = await reply(anna, "Następny wpis.");
    expect(next.number).toBe((threadBefore?.lastPostNumber ?? 0) + 1);

    const event = await lastEvent("posts.purge", post.id);
    expect(event?.data).toMatchObject({ after: null, before: { number: post.number } });
    expect((event?.data as { before: { contentHash: string } }).before.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(event?.data)).not.toContain("Zmieniony");
    expect((await admin.post(`/api/posts/${post.id}/purge`)).status).toBe(404);
  });

  it("never purges the first post of a thread", async () => {
    const page = (await admin.get(`/api/threads/${threadId}`)).body as { posts: PostView[] };
    const first = page.posts.find((shown) => shown.number === 1);
    expect((await admin.post(`/api/posts/${first?.id}/purge`)).status).toBe(409);
  });

  it("removes the post live from the open thread", async () => {
    const socket: ForumClient = await connectAs(server.url, PIOTR);
    try {
      expect((await joinThread(socket, threadId)).ok).toBe(true);
      const post = await reply(anna, "Zniknie na żywo.");
      const removed = new Promise<string>((resolve) =>
        socket.once("post.removed", (payload) => resolve(payload.postId)),
      );
      expect((await admin.post(`/api/posts/${post.id}/purge`)).status).toBe(204);
      expect(await removed).toBe(post.id);
    } finally {
      socket.disconnect();
    }
  });
});

describe("flags", () => {
  it("validates the reason, needs a text for 'other' and refuses flagging one's own post", async () => {
    const post = await reply(anna, "Wpis do zgłoszeń z błędami.");
    expect((await piotr.post(`/api/posts/${post.id}/flags`).send({ reason: "nuda" })).status).toBe(400);
    const other = await piotr.post(`/api/posts/${post.id}/flags`).send({ reason: "other", text: "" });
    expect(other.status).toBe(400);
    expect(other.body.error.fields?.text ?? other.body.error.message).toBeTruthy();
    expect((await anna.post(`/api/posts/${post.id}/flags`).send({ reason: "spam" })).status).toBe(403);
    expect(await Flag.countDocuments({ postId: post.id })).toBe(0);
  });

  it("takes one open flag per person (409 for a second) and records it", async () => {
    const post = await reply(anna, "Wpis zgłoszony raz.");
    const first = await piotr.post(`/api/posts/${post.id}/flags`).send({ reason: "off_topic" });
    expect(first.status).toBe(201);
    expect((await piotr.post(`/api/posts/${post.id}/flags`).send({ reason: "spam" })).status).toBe(409);
    const event = await lastEvent("flags.create", first.body.flag.id);
    expect(event?.data).toMatchObject({ before: null, after: { reason: "off_topic", status: "pending" } });
    expect(event?.ip).toBeTruthy();
    expect((await Post.findById(post.id).lean())?.hiddenAt).toBeNull();
    // The queue is for moderators only.
    expect((await piotr.get("/api/moderation/flags")).status).toBe(404);
    expect((await expert.get("/api/moderation/flags")).status).toBe(404);
    const queue = (await moderator.get("/api/moderation/flags?status=pending")).body as FlagQueue;
    expect(queue.total).toBeGreaterThanOrEqual(1);
    const item = queue.items.find((entry) => entry.post.id === post.id);
    expect(item).toMatchObject({
      thread: { id: threadId, title: "Wątek do moderacji wpisów" },
      author: { name: "Anna Kowalska" },
      post: { number: post.number, excerpt: "Wpis zgłoszony raz." },
    });
    expect(item?.flags.map((flag) => [flag.reason, flag.flagger.name])).toEqual([["off_topic", "Piotr Mazur"]]);
    expect((await moderator.get("/api/moderation/flags?status=zle")).status).toBe(400);
  });

  it("hides a post automatically at FLAGS_TO_HIDE people; disagreeing shows it again", async () => {
    const post = await reply(anna, "Wpis zgłoszony przez dwie osoby.");
    expect((await piotr.post(`/api/posts/${post.id}/flags`).send({ reason: "spam" })).status).toBe(201);
    expect((await expert.post(`/api/posts/${post.id}/flags`).send({ reason: "inappropriate" })).status).toBe(201);
    const stored = await Post.findById(post.id).lean();
    expect(stored).toMatchObject({ hiddenAuto: true, hiddenReason: "ukryty do czasu przeglądu" });
    expect((await postAs(piotr, post.id)).html).toBe("");
    expect((await lastEvent("posts.hide", post.id))?.actorId).toBeNull();

    expect((await piotr.post(`/api/moderation/flags/${post.id}/resolve`).send({ resolution: "disagree" })).status).toBe(
      404,
    );
    expect((await moderator.post(`/api/moderation/flags/${post.id}/resolve`).send({ resolution: "?" })).status).toBe(
      400,
    );
    const resolved = await moderator
      .post(`/api/moderation/flags/${post.id}/resolve`)
      .send({ resolution: "disagree", note: "Wpis jest w porządku." });
    expect(resolved.status).toBe(200);
    expect(resolved.body.resolved).toBe(2);
    expect((await Post.findById(post.id).lean())?.hiddenAt).toBeNull();
    expect(await Flag.countDocuments({ postId: post.id, status: "disagreed" })).toBe(2);
    const event = await lastEvent("flags.resolve", post.id);
    expect(event?.data).toMatchObject({
      resolution: "disagree",
      before: { status: "pending", hidden: true },
      after: { status: "disagreed", note: "Wpis jest w porządku." },
    });
    expect(
      (await moderator.post(`/api/moderation/flags/${post.id}/resolve`).send({ resolution: "ignore" })).status,
    ).toBe(409);
  });

  it("agree and hide: the post is hidden with the flag's reason and the flagger hears the outcome", async () => {
    const post = await reply(anna, "Wpis z danymi osobowymi ucznia.");
    expect((await piotr.post(`/api/posts/${post.id}/flags`).send({ reason: "personal_data" })).status).toBe(201);
    const resolved = await moderator.post(`/api/moderation/flags/${post.id}/resolve`).send({ resolution: "agree" });
    expect(resolved.status).toBe(200);
    expect(await Post.findById(post.id).lean()).toMatchObject({
      hiddenAuto: false,
      hiddenReason: "dane osobowe (RODO)",
    });
    const outcome = await waitFor(
      async () =>
        (await notificationsOf(piotr)).find((item) => item.kind === "flag_outcome" && item.postId === post.id),
      "the flagger's notification",
    );
    expect(outcome.message).toBe("agree");
    const queue = (await moderator.get("/api/moderation/flags?status=agreed")).body as FlagQueue;
    const item = queue.items.find((entry) => entry.post.id === post.id);
    expect(item?.author.agreedFlags).toBeGreaterThanOrEqual(1);
    expect(item?.author.hiddenPosts).toBeGreaterThanOrEqual(1);
  });

  it("ignore closes the flags and leaves the post as it is", async () => {
    const post = await reply(anna, "Wpis, którego zgłoszenie zostanie zamknięte.");
    expect(
      (await piotr.post(`/api/posts/${post.id}/flags`).send({ reason: "other", text: "Nie podoba mi się" })).status,
    ).toBe(201);
    expect(
      (await moderator.post(`/api/moderation/flags/${post.id}/resolve`).send({ resolution: "ignore" })).status,
    ).toBe(200);
    expect((await Post.findById(post.id).lean())?.hiddenAt).toBeNull();
    expect(await Flag.countDocuments({ postId: post.id, status: "ignored" })).toBe(1);
    // Closed: the same person may report it again.
    expect((await piotr.post(`/api/posts/${post.id}/flags`).send({ reason: "spam" })).status).toBe(201);
  });

  it("lets a moderator write privately to the author", async () => {
    const post = await reply(anna, "Wpis, o który moderacja zapyta.");
    expect((await piotr.post(`/api/moderation/flags/${post.id}/message`).send({ text: "Hej" })).status).toBe(404);
    expect((await moderator.post(`/api/moderation/flags/${post.id}/message`).send({ text: "" })).status).toBe(400);
    const sent = await moderator
      .post(`/api/moderation/flags/${post.id}/message`)
      .send({ text: "Proszę usunąć nazwisko ucznia." });
    expect(sent.status).toBe(204);
    const message = await waitFor(
      async () =>
        (await notificationsOf(anna)).find((item) => item.kind === "moderator_message" && item.postId === post.id),
      "the author's message",
    );
    expect(message).toMatchObject({ message: "Proszę usunąć nazwisko ucznia.", actor: { name: "Katarzyna Nowak" } });
    const event = await Event.findOne({ name: "users.message" }).sort({ createdAt: -1 }).lean();
    expect(event?.data).toMatchObject({ postId: post.id, text: "Proszę usunąć nazwisko ucznia." });
    expect(event?.ip).toBeTruthy();
  });
});
