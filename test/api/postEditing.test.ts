import { randomUUID } from "node:crypto";
import type TestAgent from "supertest/lib/agent.js";
import type { GroupDetail, PostRevisionView, PostView, ThreadDetail } from "@forum/shared";
import { Event } from "../../server/src/models/Event.js";
import { Post } from "../../server/src/models/Post.js";
import { Reaction } from "../../server/src/models/Reaction.js";
import { User } from "../../server/src/models/User.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

/** A second member of group A (GWD Małopolska). */
const OTHER_MEMBER_A = "piotr.mazur@demo.forum-jst.pl";

let server: TestServer;
let anna: TestAgent;
let piotr: TestAgent;
let moderator: TestAgent;
let threadId = "";
let firstPostId = "";

async function reply(agent: TestAgent, body: string): Promise<PostView> {
  const response = await agent.post(`/api/threads/${threadId}/posts`).send({ body, clientId: randomUUID() });
  expect(response.status).toBe(201);
  return response.body.post as PostView;
}

const revisions = async (agent: TestAgent, postId: string) => agent.get(`/api/posts/${postId}/revisions`);
const reactionsOf = (post: PostView) => Object.fromEntries(post.reactions.map((r) => [r.kind, [r.count, r.mine]]));

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "postEditing" });
  anna = await signedInAgent(server.url, DEMO.memberA);
  piotr = await signedInAgent(server.url, OTHER_MEMBER_A);
  moderator = await signedInAgent(server.url, DEMO.moderator);
  const detail = (await anna.get("/api/groups/gwd-malopolska")).body as GroupDetail;
  const category = detail.categories.find((candidate) => candidate.slug === "dyskusje");
  const created = await anna
    .post(`/api/categories/${category?.id}/threads`)
    .send({ title: "Wątek do edycji i reakcji", body: "Pierwszy wpis.", clientId: randomUUID() });
  expect(created.status).toBe(201);
  threadId = created.body.thread.id;
  firstPostId = created.body.post.id;
}, 120_000);
afterAll(() => server?.stop());

describe("editing a post", () => {
  it("gives the markdown source of a never-edited post as its only version, for the editor to start from", async () => {
    const post = await reply(anna, "Źródło z **pogrubieniem** i [linkiem](https://example.pl).");
    const versions = (await revisions(anna, post.id)).body.revisions as PostRevisionView[];
    expect(versions.map((version) => [version.version, version.body, version.editor.name])).toEqual([
      [1, "Źródło z **pogrubieniem** i [linkiem](https://example.pl).", "Anna Kowalska"],
    ]);
  });

  it("lets the author edit and keeps the original as version 1", async () => {
    const post = await reply(anna, "Pierwotna treść.");
    expect(post.can).toEqual({
      edit: true,
      delete: true,
      react: false,
      flag: false,
      hide: false,
      restore: false,
      purge: false,
    });
    const response = await anna.patch(`/api/posts/${post.id}`).send({ body: "Poprawiona **treść**." });
    expect(response.status).toBe(200);
    expect(response.body.post.html).toContain("<strong>treść</strong>");
    expect(response.body.post.editedAt).toEqual(expect.any(String));

    const history = await revisions(anna, post.id);
    expect(history.status).toBe(200);
    const versions = history.body.revisions as PostRevisionView[];
    expect(versions.map((version) => [version.version, version.body, version.editor.name])).toEqual([
      [1, "Pierwotna treść.", "Anna Kowalska"],
      [2, "Poprawiona **treść**.", "Anna Kowalska"],
    ]);
    const event = await Event.findOne({ name: "posts.edit", subjectId: post.id }).lean();
    expect(event?.data).toMatchObject({ before: "Pierwotna treść.", after: "Poprawiona **treść**." });

    await anna.patch(`/api/posts/${post.id}`).send({ body: "Trzecia wersja." });
    const third = (await revisions(anna, post.id)).body.revisions as PostRevisionView[];
    expect(third.map((version) => version.version)).toEqual([1, 2, 3]);
  });

  it("refuses to edit someone else's post, but a moderator may and is recorded as the editor", async () => {
    const post = await reply(piotr, "Wpis Piotra.");
    const refused = await anna.patch(`/api/posts/${post.id}`).send({ body: "Cudza zmiana." });
    expect(refused.status).toBe(403);
    expect((await Post.findById(post.id).lean())?.body).toBe("Wpis Piotra.");

    const edited = await moderator.patch(`/api/posts/${post.id}`).send({ body: "Poprawione przez moderatorkę." });
    expect(edited.status).toBe(200);
    const versions = (await revisions(piotr, post.id)).body.revisions as PostRevisionView[];
    expect(versions.map((version) => version.editor.name)).toEqual(["Piotr Mazur", "Katarzyna Nowak"]);
    const moderatorId = (await User.findOne({ email: DEMO.moderator }).lean())?._id.toString();
    expect((await Post.findById(post.id).lean())?.editedById?.toString()).toBe(moderatorId);
  });

  it("rejects an empty body with a Polish message", async () => {
    const post = await reply(anna, "Treść do pustej edycji.");
    const response = await anna.patch(`/api/posts/${post.id}`).send({ body: "  " });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe("Treść wpisu nie może być pusta.");
  });

  it("shows the history only to those who may read the thread", async () => {
    const post = await reply(anna, "Historia dla grupy.");
    await anna.patch(`/api/posts/${post.id}`).send({ body: "Historia dla grupy, wersja 2." });
    expect((await revisions(await signedInAgent(server.url, DEMO.memberB), post.id)).status).toBe(404);
    expect((await revisions(await csrfAgent(server.url), post.id)).status).toBe(401);
    expect((await revisions(await signedInAgent(server.url, DEMO.expert), post.id)).status).toBe(200);
    expect((await revisions(piotr, post.id)).status).toBe(200);
  });
});

describe("deleting a post", () => {
  it("keeps the body for moderators and shows everyone an empty post", async () => {
    const post = await reply(anna, "Do usunięcia.");
    await anna.patch(`/api/posts/${post.id}`).send({ body: "Do usunięcia, poprawione." });
    expect((await anna.delete(`/api/posts/${post.id}`)).status).toBe(204);

    const detail = (await piotr.get(`/api/threads/${threadId}`)).body as ThreadDetail;
    const shown = detail.posts.find((candidate) => candidate.id === post.id);
    expect(shown?.html).toBe("");
    expect(shown?.deletedAt).toEqual(expect.any(String));
    expect(shown?.can).toEqual({
      edit: false,
      delete: false,
      react: false,
      flag: false,
      hide: false,
      restore: false,
      purge: false,
    });
    expect((await Post.findById(post.id).lean())?.body).toBe("Do usunięcia, poprawione.");
    expect(await Event.countDocuments({ name: "posts.delete", subjectId: post.id })).toBe(1);

    expect((await revisions(anna, post.id)).status).toBe(403);
    expect((await revisions(moderator, post.id)).status).toBe(200);
    const edit = await anna.patch(`/api/posts/${post.id}`).send({ body: "Wskrzeszam." });
    expect(edit.status).toBe(409);
    expect((await anna.delete(`/api/posts/${post.id}`)).status).toBe(204);
    expect(await Event.countDocuments({ name: "posts.delete", subjectId: post.id })).toBe(1);
  });

  it("does not delete the first post of a thread", async () => {
    const response = await anna.delete(`/api/posts/${firstPostId}`);
    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe("Nie można usunąć pierwszego wpisu wątku.");
    expect((await Post.findById(firstPostId).lean())?.deletedAt).toBeNull();
  });

  it("lets only the author or staff delete", async () => {
    const post = await reply(piotr, "Piotr zostaje.");
    expect((await anna.delete(`/api/posts/${post.id}`)).status).toBe(403);
    const other = await signedInAgent(server.url, DEMO.memberB);
    expect((await other.delete(`/api/posts/${post.id}`)).status).toBe(404);
    expect((await moderator.delete(`/api/posts/${post.id}`)).status).toBe(204);
  });
});

describe("reactions", () => {
  it("adds, counts, is idempotent and removes", async () => {
    const post = await reply(anna, "Zareaguj na mnie.");
    const first = await piotr.put(`/api/posts/${post.id}/reactions/like`);
    expect(first.status).toBe(200);
    expect(reactionsOf(first.body.post)).toMatchObject({ like: [1, true], thanks: [0, false] });
    const again = await piotr.put(`/api/posts/${post.id}/reactions/like`);
    expect(reactionsOf(again.body.post)).toMatchObject({ like: [1, true] });
    expect(await Reaction.countDocuments({ postId: post.id })).toBe(1);

    const byModerator = await moderator.put(`/api/posts/${post.id}/reactions/like`);
    expect(reactionsOf(byModerator.body.post)).toMatchObject({ like: [2, true] });
    await piotr.put(`/api/posts/${post.id}/reactions/thanks`);

    const seenByAnna = (await anna.get(`/api/threads/${threadId}`)).body as ThreadDetail;
    const annaView = seenByAnna.posts.find((candidate) => candidate.id === post.id);
    expect(annaView && reactionsOf(annaView)).toMatchObject({ like: [2, false], thanks: [1, false], idea: [0, false] });
    const seenByPiotr = (await piotr.get(`/api/threads/${threadId}`)).body as ThreadDetail;
    const piotrView = seenByPiotr.posts.find((candidate) => candidate.id === post.id);
    expect(piotrView && reactionsOf(piotrView)).toMatchObject({ like: [2, true], thanks: [1, true] });
    expect(piotrView?.can.react).toBe(true);

    const removed = await piotr.delete(`/api/posts/${post.id}/reactions/like`);
    expect(removed.status).toBe(200);
    expect(reactionsOf(removed.body.post)).toMatchObject({ like: [1, false], thanks: [1, true] });
    const removedAgain = await piotr.delete(`/api/posts/${post.id}/reactions/like`);
    expect(reactionsOf(removedAgain.body.post)).toMatchObject({ like: [1, false] });
    expect((await Post.findById(post.id).lean())?.reactionCounts).toMatchObject({ like: 1, thanks: 1 });
    expect(await Event.countDocuments({ name: "posts.react", subjectId: post.id })).toBe(3);
    expect(await Event.countDocuments({ name: "posts.unreact", subjectId: post.id })).toBe(1);
  });

  it("refuses reactions to one's own post, to deleted posts, of unknown kinds and from other groups", async () => {
    const post = await reply(anna, "Własny wpis.");
    const own = await anna.put(`/api/posts/${post.id}/reactions/like`);
    expect(own.status).toBe(403);
    expect(own.body.error.message).toBe("Nie można reagować na własny wpis.");

    const unknown = await piotr.put(`/api/posts/${post.id}/reactions/serduszko`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe("Nieznana reakcja.");

    const other = await signedInAgent(server.url, DEMO.memberB);
    expect((await other.put(`/api/posts/${post.id}/reactions/like`)).status).toBe(404);
    expect((await (await csrfAgent(server.url)).put(`/api/posts/${post.id}/reactions/like`)).status).toBe(401);

    expect((await anna.delete(`/api/posts/${post.id}`)).status).toBe(204);
    expect((await piotr.put(`/api/posts/${post.id}/reactions/idea`)).status).toBe(409);
    expect(await Reaction.countDocuments({ postId: post.id })).toBe(0);
  });
});
