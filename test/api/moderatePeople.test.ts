import { randomUUID } from "node:crypto";
import mongoose from "mongoose";
import type { ApprovalDecision, PendingPostView } from "@forum/shared";
import { Event } from "../../server/src/models/Event.js";
import { Post } from "../../server/src/models/Post.js";
import { Thread } from "../../server/src/models/Thread.js";
import { User } from "../../server/src/models/User.js";
import { csrfAgent, DEMO, signedInAgent, signIn } from "../support/http.js";
import { createNewMember } from "../support/people.js";
import { connectAs, firstThreadIn, joinThread, type ForumClient } from "../support/sockets.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
let threadA = "";
let discussionA = "";
const sockets: ForumClient[] = [];
const NEWBIE = "nowy.czlonek@example.pl";

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "moderatepeople", env: { NEW_MEMBER_APPROVAL_POSTS: "2" } });
  const anna = await signedInAgent(server.url, DEMO.memberA);
  threadA = await firstThreadIn(anna, "gwd-malopolska", "dyskusje");
  const group = (await anna.get("/api/groups/gwd-malopolska")).body as { categories: { id: string; slug: string }[] };
  discussionA = group.categories.find((category) => category.slug === "dyskusje")?.id ?? "";
  await createNewMember(NEWBIE, "Nowy Członek");
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server?.stop();
});

async function socketFor(email: string): Promise<ForumClient> {
  const socket = await connectAs(server.url, email);
  sockets.push(socket);
  return socket;
}

function nextEvent<T>(socket: ForumClient, name: "approval.changed" | "approval.decided" | "silence.changed") {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name}`)), 5_000);
    socket.once(name, ((payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    }) as never);
  });
}

const eventsNamed = (name: string) => Event.find({ name }).sort({ createdAt: 1 }).lean();

describe("new members' approval queue", () => {
  it("holds a new member's reply until a moderator approves it, then publishes it like any post", async () => {
    const newbie = await signedInAgent(server.url, NEWBIE);
    const anna = await signedInAgent(server.url, DEMO.memberA);
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const moderatorSocket = await socketFor(DEMO.moderator);
    const newbieSocket = await socketFor(NEWBIE);
    expect(await joinThread(newbieSocket, threadA)).toEqual({ ok: true });
    const before = await Thread.findById(threadA).lean();

    const queued = nextEvent<{ total: number }>(moderatorSocket, "approval.changed");
    const sent = await newbie
      .post(`/api/threads/${threadA}/posts`)
      .send({ body: "Dzień dobry, jestem nowy.", clientId: randomUUID() });
    expect(sent.status).toBe(202);
    const pending = sent.body.pending as PendingPostView;
    expect(pending).toMatchObject({ kind: "reply", status: "pending", thread: { id: threadA } });
    expect((await queued).total).toBe(1);

    // Nothing is published: no post, no count, and only the author (and moderators) see it waiting.
    expect(await Post.countDocuments({ threadId: threadA, body: "Dzień dobry, jestem nowy." })).toBe(0);
    expect((await Thread.findById(threadA).lean())?.postCount).toBe(before?.postCount);
    expect((await anna.get(`/api/threads/${threadA}/pending`)).body.items).toEqual([]);
    expect((await newbie.get(`/api/threads/${threadA}/pending`)).body.items).toEqual([
      expect.objectContaining({ id: pending.id, status: "pending" }),
    ]);
    const queue = (await moderator.get("/api/moderation/approvals")).body;
    expect(queue.total).toBe(1);
    expect(queue.items[0]).toMatchObject({
      id: pending.id,
      author: { name: "Nowy Członek", username: "nowy.czlonek" },
      thread: { id: threadA },
      html: expect.stringContaining("jestem nowy"),
    });

    const created = new Promise<number>((resolve) =>
      newbieSocket.once("post.created", ({ post }) => resolve(post.number)),
    );
    const decided = nextEvent<ApprovalDecision>(newbieSocket, "approval.decided");
    const approved = await moderator.post(`/api/moderation/approvals/${pending.id}/approve`);
    expect(approved.status).toBe(200);
    expect(await decided).toEqual({ pendingId: pending.id, status: "approved", threadId: threadA, message: null });
    expect(await created).toBe(approved.body.number);
    expect((await Thread.findById(threadA).lean())?.postCount).toBe((before?.postCount ?? 0) + 1);
    const [approveEvent] = await eventsNamed("posts.approve");
    expect(approveEvent?.data).toMatchObject({
      before: { status: "pending" },
      after: { status: "approved", number: approved.body.number },
      targetUserId: expect.any(String),
    });
    expect(approveEvent?.ip).toBeTruthy();
    expect((await moderator.post(`/api/moderation/approvals/${pending.id}/approve`)).status).toBe(409);
    expect((await newbie.get(`/api/threads/${threadA}/pending`)).body.items).toEqual([]);
  });

  it("holds a new thread (invisible to others) and turns a post down with a message the author sees", async () => {
    const newbie = await signedInAgent(server.url, NEWBIE);
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const started = await newbie
      .post(`/api/categories/${discussionA}/threads`)
      .send({ title: "Mój pierwszy wątek", body: "Treść pierwszego wątku.", clientId: randomUUID() });
    expect(started.status).toBe(202);
    expect(await Thread.countDocuments({ title: "Mój pierwszy wątek" })).toBe(0);
    const reply = await newbie.post(`/api/threads/${threadA}/posts`).send({ body: "Reklama!", clientId: randomUUID() });
    expect(reply.status).toBe(202);

    expect(
      (await moderator.post(`/api/moderation/approvals/${reply.body.pending.id}/reject`).send({ message: "" })).status,
    ).toBe(400);
    const newbieSocket = await socketFor(NEWBIE);
    const decided = nextEvent<ApprovalDecision>(newbieSocket, "approval.decided");
    const rejected = await moderator
      .post(`/api/moderation/approvals/${reply.body.pending.id}/reject`)
      .send({ message: "Forum nie służy do reklam." });
    expect(rejected.status).toBe(204);
    expect(await decided).toMatchObject({ status: "rejected", message: "Forum nie służy do reklam." });
    expect((await newbie.get(`/api/threads/${threadA}/pending`)).body.items).toEqual([
      expect.objectContaining({ status: "rejected", rejectionMessage: "Forum nie służy do reklam." }),
    ]);
    const [rejectEvent] = await eventsNamed("posts.reject");
    expect(rejectEvent?.data).toMatchObject({
      before: { status: "pending" },
      after: { status: "rejected" },
      reason: "Forum nie służy do reklam.",
    });

    expect((await newbie.get(`/api/categories/${discussionA}/pending`)).body.items).toEqual([
      expect.objectContaining({ kind: "thread", title: "Mój pierwszy wątek", status: "pending" }),
    ]);
    const anna = await signedInAgent(server.url, DEMO.memberA);
    expect((await anna.get(`/api/categories/${discussionA}/pending`)).body.items).toEqual([]);
    const approved = await moderator.post(`/api/moderation/approvals/${started.body.pending.id}/approve`);
    expect(approved.status).toBe(200);
    const thread = await Thread.findOne({ title: "Mój pierwszy wątek" }).lean();
    expect(thread?._id.toString()).toBe(approved.body.threadId);
    expect(thread?.postCount).toBe(1);
  });

  it("lets a member with enough published posts post at once, and refuses the queue to members and experts", async () => {
    const newbie = await signedInAgent(server.url, NEWBIE);
    // Two published posts (the approved reply and the approved thread): the next one is published at once.
    const direct = await newbie
      .post(`/api/threads/${threadA}/posts`)
      .send({ body: "Już bez kolejki.", clientId: randomUUID() });
    expect(direct.status).toBe(201);
    for (const email of [DEMO.memberA, DEMO.expert]) {
      const agent = await signedInAgent(server.url, email);
      expect((await agent.get("/api/moderation/approvals")).status).toBe(404);
    }
    const anna = await signedInAgent(server.url, DEMO.memberA);
    const bogus = new mongoose.Types.ObjectId().toString();
    expect((await anna.post(`/api/moderation/approvals/${bogus}/approve`)).status).toBe(404);
    expect((await (await csrfAgent(server.url)).get("/api/moderation/approvals")).status).toBe(401);
  });
});

describe("silence", () => {
  const ANNA = "anna.kowalska";

  it("lets a silenced member read but refuses posting, reacting and typing with the reason, until unsilenced", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const anna = await signedInAgent(server.url, DEMO.memberA);
    const annaSocket = await socketFor(DEMO.memberA);
    expect(await joinThread(annaSocket, threadA)).toEqual({ ok: true });

    expect((await moderator.put(`/api/people/${ANNA}/silence`).send({ reason: "", until: null })).status).toBe(400);
    const past = new Date(Date.now() - 60_000).toISOString();
    expect((await moderator.put(`/api/people/${ANNA}/silence`).send({ reason: "Spam", until: past })).status).toBe(400);
    const until = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const changed = nextEvent<{ silence: { reason: string } | null }>(annaSocket, "silence.changed");
    const silenced = await moderator.put(`/api/people/${ANNA}/silence`).send({ reason: "Obraźliwe wpisy", until });
    expect(silenced.status).toBe(200);
    expect(silenced.body.moderation.silence).toEqual({ reason: "Obraźliwe wpisy", until });
    expect((await changed).silence?.reason).toBe("Obraźliwe wpisy");

    expect((await anna.get(`/api/threads/${threadA}`)).status).toBe(200);
    const reply = await anna.post(`/api/threads/${threadA}/posts`).send({ body: "Czy mogę?", clientId: randomUUID() });
    expect(reply.status).toBe(403);
    expect(reply.body.error.message).toMatch(/^Twoje konto jest wyciszone do .+: Obraźliwe wpisy$/);
    const thread = await anna
      .post(`/api/categories/${discussionA}/threads`)
      .send({ title: "Nowy wątek wyciszonej", body: "Treść", clientId: randomUUID() });
    expect(thread.status).toBe(403);
    const someonesPost = await Post.findOne({
      threadId: threadA,
      authorId: mongoose.trusted({ $ne: (await User.findOne({ email: DEMO.memberA }).lean())?._id }),
    }).lean();
    expect((await anna.put(`/api/posts/${someonesPost?._id}/reactions/like`)).status).toBe(403);
    const typing = await new Promise<{ ok: boolean }>((resolve) =>
      annaSocket.emit("thread.typing", { threadId: threadA }, resolve),
    );
    expect(typing.ok).toBe(false);
    expect((await anna.get("/api/auth/me")).body.abilities.silence).toEqual({ reason: "Obraźliwe wpisy", until });

    const unsilenced = await moderator.delete(`/api/people/${ANNA}/silence`);
    expect(unsilenced.status).toBe(200);
    expect(unsilenced.body.moderation.silence).toBeNull();
    expect(
      (await anna.post(`/api/threads/${threadA}/posts`).send({ body: "Już mogę.", clientId: randomUUID() })).status,
    ).toBe(201);
    const [silenceEvent] = await eventsNamed("users.silence");
    expect(silenceEvent?.data).toMatchObject({
      before: { silence: null },
      after: { silence: { reason: "Obraźliwe wpisy" } },
    });
    expect(silenceEvent?.ip).toBeTruthy();
    const [unsilenceEvent] = await eventsNamed("users.unsilence");
    expect(unsilenceEvent?.data).toMatchObject({
      before: { silence: { reason: "Obraźliwe wpisy" } },
      after: { silence: null },
    });
  });

  it("is not for members and experts, and moderators cannot silence or suspend moderators and admins", async () => {
    for (const email of [DEMO.memberB, DEMO.expert]) {
      const agent = await signedInAgent(server.url, email);
      expect((await agent.put(`/api/people/${ANNA}/silence`).send({ reason: "Powód", until: null })).status).toBe(404);
      expect((await agent.get(`/api/people/${ANNA}/moderation`)).status).toBe(404);
    }
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const admin = (await User.findOne({ email: DEMO.admin }).lean())!;
    expect(
      (await moderator.put(`/api/people/${admin.username}/silence`).send({ reason: "Powód", until: null })).status,
    ).toBe(403);
    const otherModerator = await User.create({
      email: "drugi.moderator@example.pl",
      passwordHash: "x",
      name: "Drugi Moderator",
      role: "moderator",
    });
    expect(
      (await moderator.put(`/api/people/${otherModerator.username}/silence`).send({ reason: "Powód", until: null }))
        .status,
    ).toBe(403);
    expect(
      (await moderator.post(`/api/admin/users/${otherModerator._id}/suspend`).send({ reason: "Powód", until: null }))
        .status,
    ).toBe(403);
    const view = (await moderator.get(`/api/people/${otherModerator.username}/moderation`)).body.moderation;
    expect(view).toMatchObject({ canSuspend: false, canSilence: false });
  });
});

describe("suspension by a moderator", () => {
  it("shows the person the reason and the end date at sign-in", async () => {
    const email = "piotr.mazur@demo.forum-jst.pl";
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const piotr = (await User.findOne({ email }).lean())!;
    const until = new Date("2099-03-15T10:00:00Z").toISOString();
    const suspended = await moderator
      .post(`/api/admin/users/${piotr._id}/suspend`)
      .send({ reason: "Łamanie regulaminu", until });
    expect(suspended.status).toBe(200);
    const attempt = await signIn(await csrfAgent(server.url), email);
    expect(attempt.status).toBe(403);
    expect(attempt.body.error.message).toContain("Powód: Łamanie regulaminu.");
    expect(attempt.body.error.message).toContain("15 marca 2099");
    const view = (await moderator.get(`/api/people/${piotr.username}/moderation`)).body.moderation;
    expect(view.suspension).toEqual({ reason: "Łamanie regulaminu", until });
    // The person page stays open to moderators (to lift it there), not to members.
    expect((await moderator.get(`/api/people/${piotr.username}`)).status).toBe(200);
    expect((await (await signedInAgent(server.url, DEMO.memberA)).get(`/api/people/${piotr.username}`)).status).toBe(
      404,
    );
    expect((await moderator.post(`/api/admin/users/${piotr._id}/unsuspend`)).status).toBe(200);
    expect((await signIn(await csrfAgent(server.url), email)).status).toBe(200);
  });
});

describe("moderator notes and history", () => {
  it("are seen by moderators only; a note is deleted by its author only; history gathers the person's moderation", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const admin = await signedInAgent(server.url, DEMO.admin);
    const anna = await signedInAgent(server.url, DEMO.memberA);
    expect((await moderator.post("/api/people/anna.kowalska/notes").send({ body: "   " })).status).toBe(400);
    const created = await moderator.post("/api/people/anna.kowalska/notes").send({ body: "Uprzedzona o regulaminie." });
    expect(created.status).toBe(201);
    const note = created.body.moderation.notes[0];
    expect(note).toMatchObject({ body: "Uprzedzona o regulaminie.", mine: true, author: { name: "Katarzyna Nowak" } });
    expect((await anna.get("/api/people/anna.kowalska/moderation")).status).toBe(404);
    expect((await anna.post("/api/people/anna.kowalska/notes").send({ body: "Ja też" })).status).toBe(404);
    const seenByAdmin = (await admin.get("/api/people/anna.kowalska/moderation")).body.moderation;
    expect(seenByAdmin.notes[0]).toMatchObject({ id: note.id, mine: false });
    expect((await admin.delete(`/api/people/anna.kowalska/notes/${note.id}`)).status).toBe(403);
    const deleted = await moderator.delete(`/api/people/anna.kowalska/notes/${note.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.moderation.notes).toEqual([]);
    const names = deleted.body.moderation.history.map((item: { name: string }) => item.name);
    expect(names).toEqual(
      expect.arrayContaining(["users.silence", "users.unsilence", "userNotes.create", "userNotes.delete"]),
    );
    const [deleteEvent] = await eventsNamed("userNotes.delete");
    expect(deleteEvent?.data).toMatchObject({ before: { body: "Uprzedzona o regulaminie." }, after: null });

    const newbie = (await moderator.get("/api/people/nowy.czlonek/moderation")).body.moderation;
    expect(newbie.history.map((item: { name: string }) => item.name)).toEqual(
      expect.arrayContaining(["posts.approve", "posts.reject"]),
    );
    expect(newbie.history.find((item: { name: string }) => item.name === "posts.reject")?.reason).toBe(
      "Forum nie służy do reklam.",
    );
  });
});
