import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type TestAgent from "supertest/lib/agent.js";
import { quoteMarkdown, type AdminUserView, type LeaderPage, type PostView, type SearchResults } from "@forum/shared";
import { Attachment } from "../../server/src/models/Attachment.js";
import { Counter } from "../../server/src/models/Counter.js";
import { Event } from "../../server/src/models/Event.js";
import { Post } from "../../server/src/models/Post.js";
import { User } from "../../server/src/models/User.js";
import { csrfAgent, DEMO, signIn, signedInAgent } from "../support/http.js";
import { startSmtpReceiver, type SmtpReceiver } from "../support/smtpReceiver.js";
import { firstThreadIn } from "../support/sockets.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const ERASED_TEXT = "Treść usunięta na prośbę autora.";
const storedFilePath = (directory: string, key: string) => path.join(directory, key);
const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const MAGDALENA = "magdalena.wojcik@demo.forum-jst.pl";
const PASSWORD = "Demo-Haslo-2026!";
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

let server: TestServer;
let smtp: SmtpReceiver;
let uploadDir = "";
let threadId = "";
let admin: TestAgent;
let moderator: TestAgent;
let anna: TestAgent;

const userId = async (email: string) => String((await User.findOne({ email }).lean())?._id);
const post = async (agent: TestAgent, body: string): Promise<PostView> => {
  const response = await agent.post(`/api/threads/${threadId}/posts`).send({ body, clientId: randomUUID() });
  expect(response.status).toBe(201);
  return response.body.post as PostView;
};
const postAs = async (agent: TestAgent, id: string): Promise<PostView> => {
  const response = await agent.get(`/api/posts/${id}`);
  expect(response.status).toBe(200);
  return response.body.post as PostView;
};
const leaders = async (agent: TestAgent, q: string) =>
  ((await agent.get("/api/network/leaders").query({ q })).body as LeaderPage).total;

/** The search index and notifications follow events asynchronously: wait until the check passes. */
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

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  uploadDir = await mkdtemp(path.join(os.tmpdir(), "forum-erasure-uploads-"));
  server = await startTestServer({
    seed: true,
    label: "erasure",
    env: { SMTP_URL: smtp.url, PUBLIC_URL: "http://forum.test", UPLOAD_DIR: uploadDir },
  });
  admin = await signedInAgent(server.url, DEMO.admin);
  moderator = await signedInAgent(server.url, DEMO.moderator);
  anna = await signedInAgent(server.url, DEMO.memberA);
  threadId = await firstThreadIn(anna, "gwd-malopolska", "dyskusje");
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

describe("POST /api/me/erase input", () => {
  it("refuses visitors, a missing confirmation and a wrong password, in Polish", async () => {
    expect((await (await csrfAgent(server.url)).post("/api/me/erase").send({})).status).toBe(401);
    const marek = await signedInAgent(server.url, DEMO.memberB);
    const unconfirmed = await marek.post("/api/me/erase").send({ password: PASSWORD, confirmation: "usun" });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error.message).toContain("Wpisz „USUŃ”");
    const wrong = await marek.post("/api/me/erase").send({ password: "zle-haslo", confirmation: "USUŃ" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe("Hasło jest nieprawidłowe.");
    expect((await marek.get("/api/me/profile")).status).toBe(200);
  });

  it("keeps the last admin from erasing the account (409)", async () => {
    const response = await admin.post("/api/me/erase").send({ password: PASSWORD, confirmation: "USUŃ" });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain("jedynym administratorem");
  });
});

describe("a member erases their account", () => {
  const made = { kept: "", tombstoned: "", othersPost: "", attachmentId: "", storageKey: "", number: 0 };

  beforeAll(async () => {
    const piotr = await signedInAgent(server.url, PIOTR);
    const listed = await piotr
      .patch("/api/me/consents")
      .send({ digest: "off", mentionEmails: false, directoryListing: true, newsletter: false });
    expect(listed.status).toBe(200);
    const upload = await piotr.post("/api/uploads").attach("file", PDF, "protokół.pdf");
    expect(upload.status).toBe(201);
    made.attachmentId = upload.body.attachment.id;
    const tombstoned = await post(
      piotr,
      `Moje prywatne uwagi o naborze Kwiatkowo.\n\n[protokół.pdf (1 kB)](/api/attachments/${made.attachmentId})`,
    );
    made.tombstoned = tombstoned.id;
    made.kept = (await post(piotr, "Uchwała grupy: harmonogram naboru przyjęty jednogłośnie.")).id;
    const quote = quoteMarkdown({ authorName: "Piotr Mazur", threadId, postId: made.tombstoned, text: "Moje uwagi" });
    made.othersPost = (await post(anna, `${quote}Dziękuję @piotr.mazur, odpowiem jutro.`)).id;
    made.storageKey = String((await Attachment.findById(made.attachmentId).lean())?.storageKey);
    expect(existsSync(storedFilePath(uploadDir, made.storageKey))).toBe(true);
    expect((await moderator.post(`/api/posts/${made.kept}/record`)).status).toBe(200);
    await eventually(async () => expect(await leaders(anna, "Mazur")).toBe(1));
    await eventually(async () => {
      const found = (await anna.get("/api/search").query({ q: "Piotr Mazur" })).body as SearchResults;
      expect(found.hits.some((hit) => hit.kind === "person")).toBe(true);
    });

    const erased = await piotr.post("/api/me/erase").send({ password: PASSWORD, confirmation: " USUŃ " });
    expect(erased.status).toBe(204);
    expect((await piotr.get("/api/me/profile")).status).toBe(401);
    made.number = Number((await User.findOne({ email: /@invalid$/ }).lean())?.erasure?.number);
  });

  it("leaves an anonymous shell that cannot sign in (answered like an unknown account)", async () => {
    expect(made.number).toBe(1);
    const shell = await User.findById(await userId(`usuniety-${made.number}@invalid`)).lean();
    expect(shell).toMatchObject({
      status: "erased",
      name: `Użytkownik usunięty #${made.number}`,
      username: `usuniety-${made.number}`,
      bio: "",
      position: null,
      jstId: null,
      erasure: { done: true, pendingName: null, pendingUsername: null },
    });
    const refused = await signIn(await csrfAgent(server.url), PIOTR);
    const unknown = await signIn(await csrfAgent(server.url), "nikt.taki@demo.forum-jst.pl");
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(unknown.body);
    const event = await Event.findOne({ name: "users.erase", subjectId: shell?._id }).lean();
    expect(JSON.stringify(event?.data)).not.toMatch(/Piotr|Mazur|piotr\.mazur/i);
  });

  it("tombstones the posts nobody kept and keeps the record with the anonymous author", async () => {
    const tombstoned = await postAs(anna, made.tombstoned);
    expect(tombstoned.html).toContain(ERASED_TEXT);
    expect(tombstoned.html).not.toContain("Kwiatkowo");
    expect(tombstoned.author.name).toBe(`Użytkownik usunięty #${made.number}`);
    const kept = await postAs(anna, made.kept);
    expect(kept.html).toContain("harmonogram naboru");
    expect(kept.author.name).toBe(`Użytkownik usunięty #${made.number}`);
    const thread = JSON.stringify(
      (await anna.get(`/api/threads/${threadId}/posts`).query({ around: kept.number })).body,
    );
    expect(thread).not.toMatch(/Piotr Mazur|piotr\.mazur/);
  });

  it("de-identifies mentions and quotes in other people's posts (html and markdown)", async () => {
    const others = await postAs(anna, made.othersPost);
    expect(others.html).not.toMatch(/Piotr|Mazur|piotr\.mazur/);
    expect(others.html).toContain(`@usuniety-${made.number}`);
    expect(others.html).toContain(`Użytkownik usunięty #${made.number}`);
    const stored = await Post.findById(made.othersPost).lean();
    expect(stored?.body).not.toMatch(/Piotr|Mazur|piotr\.mazur/);
    expect(stored?.body).toContain("odpowiem jutro");
  });

  it("removes the uploads from disk and answers 404 for them", async () => {
    expect(existsSync(storedFilePath(uploadDir, made.storageKey))).toBe(false);
    expect((await anna.get(`/api/attachments/${made.attachmentId}`)).status).toBe(404);
    expect((await Attachment.findById(made.attachmentId).lean())?.removedAt).toBeInstanceOf(Date);
  });

  it("takes the person out of search, the directory and the person page", async () => {
    await eventually(async () => {
      const found = (await anna.get("/api/search").query({ q: "Piotr Mazur" })).body as SearchResults;
      expect(JSON.stringify(found.hits)).not.toMatch(/Piotr|Mazur/);
      const kwiatkowo = (await anna.get("/api/search").query({ q: "Kwiatkowo" })).body as SearchResults;
      expect(kwiatkowo.hits).toEqual([]);
    });
    expect(await leaders(anna, "Mazur")).toBe(0);
    expect((await anna.get("/api/people/piotr.mazur")).status).toBe(404);
    const card = await anna.get(`/api/people/usuniety-${made.number}`);
    expect(card.status).toBe(410);
    expect(card.body.error.message).toBe("Konto usunięte.");
  });

  it("finishes an interrupted erasure when run again, without a new number", async () => {
    const shellId = await userId(`usuniety-${made.number}@invalid`);
    await User.updateOne(
      { _id: shellId },
      {
        $set: { "erasure.done": false, "erasure.pendingName": "Piotr Mazur", "erasure.pendingUsername": "piotr.mazur" },
      },
    );
    // A post written "during" the crash still names the person: an admin's second run (as start-up would) finishes.
    const late = await post(anna, "Jeszcze raz dziękuję, Piotr Mazur.");
    const rerun = await admin.post(`/api/admin/users/${shellId}/erase`).send({ reason: "Dokończenie" });
    expect(rerun.status).toBe(200);
    expect((rerun.body.user as AdminUserView).erasure?.number).toBe(made.number);
    const finished = await User.findById(shellId).lean();
    expect(finished?.erasure).toMatchObject({ number: made.number, done: true, pendingName: null });
    expect((await Post.findById(late.id).lean())?.body).toBe(
      `Jeszcze raz dziękuję, Użytkownik usunięty #${made.number}.`,
    );
    expect((await Counter.findById("erasure").lean())?.value).toBe(made.number);
    // Done: a further run is refused as already erased.
    expect((await admin.post(`/api/admin/users/${shellId}/erase`).send({ reason: "Znowu" })).status).toBe(409);
  });
});

describe("keeping a post for the group's record", () => {
  it("is for moderators only, and marking twice or releasing an unmarked post is a conflict", async () => {
    const own = await post(anna, "Wpis do oznaczenia.");
    expect((await anna.post(`/api/posts/${own.id}/record`)).status).toBe(403);
    const marked = await moderator.post(`/api/posts/${own.id}/record`);
    expect(marked.status).toBe(200);
    expect(marked.body.post.keptForRecord).toBe(true);
    const twice = await moderator.post(`/api/posts/${own.id}/record`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe("Ten wpis jest już zachowany w dokumentacji grupy.");
    expect((await moderator.delete(`/api/posts/${own.id}/record`)).body.post.keptForRecord).toBeFalsy();
    expect((await moderator.delete(`/api/posts/${own.id}/record`)).status).toBe(409);
    const events = await Event.find({ subjectId: own.id, name: /^posts\.(keep|release)/ }).lean();
    expect(events.map((event) => event.name)).toEqual(["posts.keepForRecord", "posts.releaseFromRecord"]);
  });
});

describe("an admin erases an account on request", () => {
  it("needs an admin and a reason; moderators are refused", async () => {
    const candidate = await userId("joanna.lewandowska@demo.forum-jst.pl");
    expect((await moderator.post(`/api/admin/users/${candidate}/erase`).send({ reason: "Wniosek" })).status).toBe(403);
    expect((await anna.post(`/api/admin/users/${candidate}/erase`).send({ reason: "Wniosek" })).status).toBe(404);
    const noReason = await admin.post(`/api/admin/users/${candidate}/erase`).send({ reason: " " });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain("Podaj podstawę usunięcia");
    const erased = await admin
      .post(`/api/admin/users/${candidate}/erase`)
      .send({ reason: "Wniosek e-mail z 20.11.2026" });
    expect(erased.status).toBe(200);
    const view = erased.body.user as AdminUserView;
    expect(view).toMatchObject({ status: "erased", erasure: { number: 2 }, name: "Użytkownik usunięty #2" });
    const event = await Event.findOne({ name: "users.erase", "data.number": 2 }).lean();
    expect(event?.data).toMatchObject({ reason: "Wniosek e-mail z 20.11.2026", bySelf: false });
    const again = await admin.post(`/api/admin/users/${candidate}/erase`).send({ reason: "Wniosek" });
    expect(again.status).toBe(409);
    // The anonymous shell is not an account anyone manages any more.
    expect((await admin.patch(`/api/admin/users/${candidate}/role`).send({ role: "moderator" })).status).toBe(403);
    expect(
      (await admin.post(`/api/admin/users/${candidate}/suspend`).send({ reason: "Test zawieszenia" })).status,
    ).toBe(403);
    expect((await admin.post(`/api/admin/users/${await userId(DEMO.admin)}/erase`).send({ reason: "Ja" })).status).toBe(
      403,
    );
  });
});

describe("restriction of processing", () => {
  it("stops mail, notifications, the directory and writing until lifted; reading and export stay", async () => {
    const magdalenaId = await userId(MAGDALENA);
    const magdalena = await signedInAgent(server.url, MAGDALENA);
    const consents = { digest: "off", mentionEmails: true, directoryListing: true, newsletter: false };
    expect((await magdalena.patch("/api/me/consents").send(consents)).status).toBe(200);
    await eventually(async () => expect(await leaders(anna, "Wójcik")).toBe(1));

    expect(
      (await moderator.post(`/api/admin/users/${magdalenaId}/restriction`).send({ reason: "Sprzeciw" })).status,
    ).toBe(403);
    const bad = await admin.post(`/api/admin/users/${magdalenaId}/restriction`).send({ reason: "" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("Podaj powód ograniczenia przetwarzania.");
    const restricted = await admin
      .post(`/api/admin/users/${magdalenaId}/restriction`)
      .send({ reason: "Sprzeciw z art. 21 RODO (pismo z 19.11.2026)" });
    expect(restricted.status).toBe(200);
    expect((restricted.body.user as AdminUserView).restriction?.reason).toContain("art. 21");
    expect((await admin.post(`/api/admin/users/${magdalenaId}/restriction`).send({ reason: "Znowu" })).status).toBe(
      409,
    );

    expect(await leaders(anna, "Wójcik")).toBe(0);
    await eventually(async () => {
      const found = (await anna.get("/api/search").query({ q: "Magdalena Wójcik" })).body as SearchResults;
      expect(found.hits.filter((hit) => hit.kind === "person")).toEqual([]);
    });
    const mentioned = await post(anna, "Pytanie do @magdalena.wojcik o dane.");
    const newProfile = { name: "Magdalena Wójcik", jstTeryt: null, position: null, addresseeGroup: null, bio: "Nowe" };
    const profile = await magdalena.patch("/api/me/profile").send(newProfile);
    expect(profile.status).toBe(423);
    expect(profile.body.error.message).toContain("Przetwarzanie danych konta jest ograniczone");
    const reply = await magdalena
      .post(`/api/threads/${threadId}/posts`)
      .send({ body: "Odpowiedź", clientId: randomUUID() });
    expect(reply.status).toBe(423);
    expect((await magdalena.get(`/api/threads/${threadId}`)).status).toBe(200);
    // The mention made while restricted brought neither a notification nor a mail.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const notifications = (await magdalena.get("/api/notifications")).body.notifications as { postId?: string }[];
    expect(JSON.stringify(notifications)).not.toContain(mentioned.id);
    expect(smtp.mailsTo(MAGDALENA)).toEqual([]);

    const lifted = await admin.delete(`/api/admin/users/${magdalenaId}/restriction`);
    expect(lifted.status).toBe(200);
    expect((lifted.body.user as AdminUserView).restriction).toBeNull();
    expect((await admin.delete(`/api/admin/users/${magdalenaId}/restriction`)).status).toBe(409);
    expect(await leaders(anna, "Wójcik")).toBe(1);
    expect((await magdalena.patch("/api/me/profile").send(newProfile)).status).toBe(200);
    await post(anna, "Drugie pytanie do @magdalena.wojcik.");
    await smtp.waitForMail(MAGDALENA);
    const names = (await Event.find({ subjectId: magdalenaId, name: /^users\.(un)?restrict$/ }).lean()).map(
      (event) => event.name,
    );
    expect(names).toEqual(["users.restrict", "users.unrestrict"]);
  });
});
