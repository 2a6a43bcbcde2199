import { randomUUID } from "node:crypto";
import type TestAgent from "supertest/lib/agent.js";
import type { GroupDetail, NotificationView, TagOverview, TagPage, TagSectionPage } from "@forum/shared";
import { recordEvent } from "../../server/src/commands/recordEvent.js";
import { createLogger } from "../../server/src/logger.js";
import { Analysis } from "../../server/src/models/Analysis.js";
import { Category } from "../../server/src/models/Category.js";
import { Event } from "../../server/src/models/Event.js";
import { Notification } from "../../server/src/models/Notification.js";
import { Practice } from "../../server/src/models/Practice.js";
import { Tag } from "../../server/src/models/Tag.js";
import { TagFollow } from "../../server/src/models/TagFollow.js";
import { Thread } from "../../server/src/models/Thread.js";
import { User } from "../../server/src/models/User.js";
import { followedTagRule } from "../../server/src/notifications/notificationRules.js";
import { startNotifier } from "../../server/src/subscribers/notifier.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
let visitor: TestAgent;
let anna: TestAgent;
/** Another member of group A (gwd-malopolska). */
let piotr: TestAgent;
/** Member of group B only. */
let marek: TestAgent;
let moderator: TestAgent;
let discussionA = "";
let networkCategory = "";

const PIOTR = "piotr.mazur@demo.forum-jst.pl";

async function startThread(agent: TestAgent, categoryId: string, title: string, tags: string[]) {
  return agent
    .post(`/api/categories/${categoryId}/threads`)
    .send({ title, body: "Pierwszy wpis.", tags, clientId: randomUUID() });
}

const userId = async (email: string) => (await User.findOne({ email }, { _id: 1 }).lean())!._id;

/** Notifications are made after the response (from the recorded event): wait for them a little. */
async function notificationsOf(agent: TestAgent, expected: number): Promise<NotificationView[]> {
  let found: NotificationView[] = [];
  for (let attempt = 0; attempt < 40; attempt += 1) {
    found = ((await agent.get("/api/notifications")).body.notifications as NotificationView[]).filter(
      (notification) => notification.kind === "followed_tag",
    );
    if (found.length >= expected) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return found;
}

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "tags" });
  visitor = await csrfAgent(server.url);
  anna = await signedInAgent(server.url, DEMO.memberA);
  piotr = await signedInAgent(server.url, PIOTR);
  marek = await signedInAgent(server.url, DEMO.memberB);
  moderator = await signedInAgent(server.url, DEMO.moderator);
  const detail = (await anna.get("/api/groups/gwd-malopolska")).body as GroupDetail;
  discussionA = detail.categories.find((category) => category.slug === "dyskusje")?.id ?? "";
  networkCategory = String((await Category.findOne({ groupId: null, kind: "discussion" }).lean())?._id ?? "");
  expect(discussionA).not.toBe("");
}, 120_000);
afterAll(() => server?.stop());

describe("managing the taxonomy", () => {
  it("is refused to visitors (401) and to members and experts (404: the tools are not theirs)", async () => {
    const tools = [
      (agent: TestAgent) => agent.post("/api/tag-groups").send({ name: "Nowa grupa" }),
      (agent: TestAgent) => agent.post("/api/tags").send({ name: "Nowy", tagGroup: "typ-jst" }),
      (agent: TestAgent) => agent.patch("/api/tags/powiat").send({ name: "Powiaty" }),
      (agent: TestAgent) => agent.delete("/api/tags/powiat"),
      (agent: TestAgent) => agent.post("/api/tags/powiat/merge").send({ into: "gmina-wiejska" }),
    ];
    const expert = await signedInAgent(server.url, DEMO.expert);
    for (const tool of tools) {
      expect((await tool(visitor)).status).toBe(401);
      expect((await tool(anna)).status).toBe(404);
      expect((await tool(expert)).status).toBe(404);
    }
    expect(await Tag.exists({ slug: "powiat", name: "Powiat" })).toBeTruthy();
  });

  it("creates, renames, reorders and removes tag groups and tags, with slugs from the Polish names", async () => {
    const group = await moderator
      .post("/api/tag-groups")
      .send({ name: "Źródła finansowania", description: "Skąd pieniądze." });
    expect(group.status).toBe(201);
    expect(group.body.tagGroup.slug).toBe("zrodla-finansowania");
    const duplicate = await moderator.post("/api/tag-groups").send({ name: "Źródła  finansowania" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toMatch(/już istnieje/);

    const first = await moderator.post("/api/tags").send({ name: "Środki unijne", tagGroup: "zrodla-finansowania" });
    expect(first.status).toBe(201);
    expect(first.body.tag.slug).toBe("srodki-unijne");
    const second = await moderator
      .post("/api/tags")
      .send({ name: "Subwencja oświatowa", tagGroup: "zrodla-finansowania" });
    expect(second.status).toBe(201);
    expect((await moderator.post("/api/tags").send({ name: "środki UNIJNE", tagGroup: "typ-jst" })).status).toBe(409);

    const renamed = await moderator
      .patch("/api/tags/srodki-unijne")
      .send({ name: "Fundusze europejskie", description: "Programy UE dla oświaty." });
    expect(renamed.status).toBe(200);
    expect(renamed.body.tag).toEqual({
      slug: "srodki-unijne",
      name: "Fundusze europejskie",
      description: "Programy UE dla oświaty.",
    });

    const moved = await moderator.post("/api/tags/subwencja-oswiatowa/move").send({ direction: "up" });
    expect(moved.status).toBe(200);
    const order = (moved.body as TagOverview).tagGroups
      .find((candidate) => candidate.slug === "zrodla-finansowania")
      ?.tags.map((tag) => tag.slug);
    expect(order).toEqual(["subwencja-oswiatowa", "srodki-unijne"]);
    expect((await moderator.post("/api/tags/subwencja-oswiatowa/move").send({ direction: "up" })).status).toBe(409);
    const groupUp = await moderator.post("/api/tag-groups/zrodla-finansowania/move").send({ direction: "up" });
    expect(groupUp.status).toBe(200);
    const groupOrder = (groupUp.body as TagOverview).tagGroups.map((candidate) => candidate.slug);
    expect(groupOrder.indexOf("zrodla-finansowania")).toBe(groupOrder.length - 2);

    const notEmpty = await moderator.delete("/api/tag-groups/zrodla-finansowania");
    expect(notEmpty.status).toBe(409);
    expect(notEmpty.body.error.message).toMatch(/ma jeszcze tagi/);
    expect((await moderator.delete("/api/tags/srodki-unijne")).status).toBe(200);
    expect((await moderator.delete("/api/tags/subwencja-oswiatowa")).status).toBe(200);
    expect((await moderator.delete("/api/tag-groups/zrodla-finansowania")).status).toBe(204);
    expect(await Event.exists({ name: "tags.createGroup", "data.slug": "zrodla-finansowania" })).toBeTruthy();
    expect(await Event.exists({ name: "tags.deleteGroup", "data.slug": "zrodla-finansowania" })).toBeTruthy();
  });

  it("answers bad input with Polish messages", async () => {
    const short = await moderator.post("/api/tags").send({ name: "x", tagGroup: "typ-jst" });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/co najmniej 2 znaki/);
    const noGroup = await moderator.post("/api/tags").send({ name: "Sieroty", tagGroup: "nie-ma-takiej" });
    expect(noGroup.status).toBe(400);
    expect(noGroup.body.error.message).toBe("Nie ma takiej grupy tagów.");
    expect((await moderator.patch("/api/tags/nie-ma-takiego").send({ name: "Coś" })).status).toBe(404);
    expect((await moderator.patch("/api/tag-groups/nie-ma-takiej").send({ name: "Coś" })).status).toBe(404);
    expect((await moderator.patch("/api/tags/powiat").send({})).status).toBe(400);
    const self = await moderator.post("/api/tags/powiat/merge").send({ into: "powiat" });
    expect(self.status).toBe(400);
    expect(self.body.error.message).toMatch(/z nim samym/);
    expect((await moderator.post("/api/tags/powiat/merge").send({ into: "nie-ma" })).status).toBe(400);
    expect((await moderator.post("/api/tags/powiat/move").send({ direction: "w bok" })).status).toBe(400);
  });

  it("merges a used tag into another: threads and followers move over, the old tag is gone", async () => {
    await moderator.post("/api/tag-groups").send({ name: "Do scalenia" });
    await moderator.post("/api/tags").send({ name: "Dowozy", tagGroup: "do-scalenia" });
    await moderator.post("/api/tags").send({ name: "Transport uczniów", tagGroup: "do-scalenia" });
    const both = await startThread(anna, discussionA, "Dowozy i transport", ["dowozy", "transport-uczniow"]);
    const one = await startThread(anna, discussionA, "Same dowozy", ["dowozy", "powiat"]);
    expect(both.status).toBe(201);
    expect(one.status).toBe(201);
    expect((await piotr.put("/api/tags/dowozy/follow")).status).toBe(200);

    const merged = await moderator.post("/api/tags/dowozy/merge").send({ into: "transport-uczniow" });
    expect(merged.status).toBe(200);
    expect(merged.body.documents).toBe(2);
    expect((await Thread.findById(both.body.thread.id).lean())?.tags).toEqual(["transport-uczniow"]);
    expect((await Thread.findById(one.body.thread.id).lean())?.tags.sort()).toEqual(["powiat", "transport-uczniow"]);
    expect((await anna.get("/api/tags/dowozy")).status).toBe(404);
    expect(await TagFollow.exists({ userId: await userId(PIOTR), tagSlug: "transport-uczniow" })).toBeTruthy();
    expect(await TagFollow.exists({ tagSlug: "dowozy" })).toBeNull();

    const deleted = await moderator.delete("/api/tags/transport-uczniow");
    expect(deleted.body.documents).toBe(2);
    expect((await Thread.findById(one.body.thread.id).lean())?.tags).toEqual(["powiat"]);
    expect(
      await Event.exists({ name: "tags.merge", "data.slug": "dowozy", "data.into": "transport-uczniow" }),
    ).toBeTruthy();
  });
});

describe("free tags", () => {
  it("are refused until a moderator allows them in the group, then create tags in „Wolne tagi”", async () => {
    const refused = await startThread(anna, discussionA, "Wolny tag za wcześnie", ["Dowożenie dzieci"]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/Nieznane tagi/);

    expect((await anna.put("/api/groups/gwd-malopolska/free-tags").send({ allowFreeTags: true })).status).toBe(404);
    expect((await moderator.put("/api/groups/gwd-malopolska/free-tags").send({ allowFreeTags: "tak" })).status).toBe(
      400,
    );
    const allowed = await moderator.put("/api/groups/gwd-malopolska/free-tags").send({ allowFreeTags: true });
    expect(allowed.status).toBe(200);
    expect(((await anna.get("/api/groups/gwd-malopolska")).body as GroupDetail).group.allowFreeTags).toBe(true);

    const created = await startThread(anna, discussionA, "Wolny tag w porządku", ["Dowożenie dzieci", "powiat"]);
    expect(created.status).toBe(201);
    expect((await Thread.findById(created.body.thread.id).lean())?.tags).toEqual(["powiat", "dowozenie-dzieci"]);
    const overview = (await anna.get("/api/tag-groups")).body as TagOverview;
    const free = overview.tagGroups.find((group) => group.slug === "wolne-tagi");
    expect(free?.tags.map((tag) => tag.name)).toEqual(["Dowożenie dzieci"]);

    // A moderator re-tagging the group's thread may use free tags too.
    const retagged = await moderator.patch(`/api/threads/${created.body.thread.id}`).send({ tags: ["Dowozy busami"] });
    expect(retagged.status).toBe(200);
    expect((await Thread.findById(created.body.thread.id).lean())?.tags).toEqual(["dowozy-busami"]);

    // Elsewhere (another group, network-wide spaces) the taxonomy still rules.
    const network = await startThread(anna, networkCategory, "Wolny tag w sieci", ["Coś nowego"]);
    expect(network.status).toBe(400);
    await moderator.put("/api/groups/gwd-malopolska/free-tags").send({ allowFreeTags: false });
    expect((await startThread(anna, discussionA, "Znowu za późno", ["Inny wolny"])).status).toBe(400);
    expect(await Event.exists({ name: "groups.setFreeTags" })).toBeTruthy();
  });
});

describe("free tags behind a group's wall", () => {
  // A free tag's name can say what a private group discusses: only people who may read something carrying it see it.
  const NAME = "Likwidacja szkoły w Zielonce";
  const SLUG = "likwidacja-szkoly-w-zielonce";
  const SECRET = /Zielonce|zielonce/;
  let threadId = "";

  beforeAll(async () => {
    expect((await moderator.put("/api/groups/gwd-malopolska/free-tags").send({ allowFreeTags: true })).status).toBe(
      200,
    );
    const started = await startThread(anna, discussionA, "Sieć szkół w gminie", [NAME]);
    expect(started.status).toBe(201);
    threadId = started.body.thread.id;
    expect((await Thread.findById(threadId).lean())?.tags).toEqual([SLUG]);
    await moderator.put("/api/groups/gwd-malopolska/free-tags").send({ allowFreeTags: false });
    // The search index is written from the recorded event, after the response: wait until a reader finds the tag.
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const found = await piotr.get("/api/search").query({ q: "Zielonce", kind: "tag" });
      if ((found.body.hits ?? []).length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  const places = (agent: TestAgent) => ({
    tags: () => agent.get("/api/tags"),
    tagGroups: () => agent.get("/api/tag-groups"),
    page: () => agent.get(`/api/tags/${SLUG}`),
    section: () => agent.get(`/api/tags/${SLUG}/threads`),
    library: () => agent.get("/api/library"),
    search: () => agent.get("/api/search").query({ q: "likwidacja Zielonce" }),
    searchByTag: () => agent.get("/api/search").query({ q: "szkół", tag: SLUG }),
  });

  it.each([
    ["a member of another group", () => marek],
    ["a visitor", () => visitor],
  ])("are not shown to %s: tag list, tag page, tag groups, library filters, search", async (_who, agent) => {
    const at = places(agent());
    const tags = await at.tags();
    expect([401, 200]).toContain(tags.status);
    expect(JSON.stringify(tags.body)).not.toMatch(SECRET);
    const tagGroups = await at.tagGroups();
    expect(tagGroups.status).toBe(200);
    expect(JSON.stringify(tagGroups.body)).not.toMatch(SECRET);
    for (const hidden of [await at.page(), await at.section()]) {
      expect(hidden.status).toBe(404);
      expect(JSON.stringify(hidden.body)).not.toMatch(SECRET);
    }
    const library = await at.library();
    expect(library.status).toBe(200);
    expect(JSON.stringify(library.body.facets)).not.toMatch(SECRET);
    for (const searched of [await at.search(), await at.searchByTag()]) {
      expect(searched.status).toBe(200);
      expect(JSON.stringify(searched.body.hits)).not.toMatch(SECRET);
    }
  });

  it("cannot be followed from outside the group", async () => {
    expect((await marek.put(`/api/tags/${SLUG}/follow`)).status).toBe(404);
    expect(await TagFollow.exists({ tagSlug: SLUG })).toBeNull();
  });

  it("are shown to the group's members and to moderators, everywhere", async () => {
    for (const agent of [piotr, moderator]) {
      const at = places(agent);
      expect(JSON.stringify((await at.tags()).body)).toContain(NAME);
      expect(JSON.stringify((await at.tagGroups()).body)).toContain(NAME);
      const page = (await at.page()).body as TagPage;
      expect(page.tag.name).toBe(NAME);
      expect(page.threads.items.map((thread) => thread.id)).toEqual([threadId]);
      expect(JSON.stringify((await at.library()).body.facets)).toContain(NAME);
      expect((await at.search()).body.hits).toContainEqual(expect.objectContaining({ kind: "tag", title: NAME }));
    }
  });

  it("become visible to everyone who may read a document that carries them", async () => {
    await Practice.create({
      title: "Praktyka o sieci szkół",
      authorId: await userId(DEMO.memberA),
      status: "published",
      isPublic: true,
      publishedAt: new Date(),
      tags: [SLUG],
    });
    expect(((await marek.get(`/api/tags/${SLUG}`)).body as TagPage).tag.name).toBe(NAME);
    expect(((await visitor.get(`/api/tags/${SLUG}`)).body as TagPage).threads.items).toEqual([]);
    expect(JSON.stringify((await visitor.get("/api/library")).body.facets)).toContain(NAME);
    await Practice.deleteMany({ tags: SLUG });
  });
});

describe("tag pages", () => {
  // A tag no demo content carries, so the counts below are the test's own.
  const slug = "gmina-miejska";
  let threadA = "";

  beforeAll(async () => {
    const started = await startThread(anna, discussionA, "Wątek grupy A z tagiem", [slug]);
    threadA = started.body.thread.id;
    const authorId = await userId(DEMO.memberA);
    const publishedAt = new Date();
    await Practice.create([
      { title: "Praktyka publiczna", authorId, status: "published", isPublic: true, publishedAt, tags: [slug] },
      { title: "Praktyka dla sieci", authorId, status: "published", isPublic: false, publishedAt, tags: [slug] },
      { title: "Szkic praktyki", authorId, status: "draft", tags: [slug] },
    ]);
    await Analysis.create({ title: "Analiza dla sieci", authorId, status: "published", publishedAt, tags: [slug] });
  });

  it("shows a group's threads only to those who may read the group", async () => {
    const forAnna = (await anna.get(`/api/tags/${slug}`)).body as TagPage;
    expect(forAnna.tag.name).toBe("Gmina miejska");
    expect(forAnna.tag.group.slug).toBe("typ-jst");
    expect(forAnna.threads.items.map((thread) => thread.id)).toContain(threadA);
    const forMarek = (await marek.get(`/api/tags/${slug}`)).body as TagPage;
    expect(forMarek.threads.items.map((thread) => thread.id)).not.toContain(threadA);
    expect(forMarek.threads.items.every((thread) => thread.title !== "Wątek grupy A z tagiem")).toBe(true);
    const counts = (agent: TestAgent) =>
      agent
        .get("/api/tag-groups")
        .then(
          (answer) =>
            (answer.body as TagOverview).tagGroups.flatMap((group) => group.tags).find((tag) => tag.slug === slug)
              ?.counts,
        );
    expect(await counts(anna)).toEqual({ threads: 1, practices: 2, analyses: 1 });
    expect(await counts(marek)).toEqual({ threads: 0, practices: 2, analyses: 1 });
    expect(await counts(visitor)).toEqual({ threads: 0, practices: 1, analyses: 0 });
  });

  it("shows members published practices and analyses, and visitors only the public ones", async () => {
    const forAnna = (await anna.get(`/api/tags/${slug}`)).body as TagPage;
    expect(forAnna.practices.items.map((practice) => practice.title).sort()).toEqual([
      "Praktyka dla sieci",
      "Praktyka publiczna",
    ]);
    expect(forAnna.analyses.items.map((analysis) => analysis.title)).toEqual(["Analiza dla sieci"]);
    const forVisitor = await visitor.get(`/api/tags/${slug}`);
    expect(forVisitor.status).toBe(200);
    const page = forVisitor.body as TagPage;
    expect(page.practices.items.map((practice) => practice.title)).toEqual(["Praktyka publiczna"]);
    expect(page.analyses.items).toEqual([]);
    expect(page.threads.items).toEqual([]);
    expect(page.tag.canFollow).toBe(false);
  });

  it("pages each section and refuses unknown sections and tags", async () => {
    const second = await anna.get(`/api/tags/${slug}/practices?page=2`);
    expect(second.status).toBe(200);
    expect(second.body as TagSectionPage).toMatchObject({ kind: "practices", page: 2, items: [], hasMore: false });
    expect((await anna.get(`/api/tags/${slug}/threads?page=0`)).status).toBe(400);
    expect((await anna.get(`/api/tags/${slug}/ludzie`)).status).toBe(404);
    const missing = await visitor.get("/api/tags/nie-ma-takiego-tagu");
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/Nie ma takiego tagu/);
  });
});

describe("following tags", () => {
  const slug = "ksztalcenie-zawodowe";

  it("follows and unfollows (idempotent), visible on the tag page and in the overview", async () => {
    expect((await visitor.put(`/api/tags/${slug}/follow`)).status).toBe(401);
    expect((await piotr.put("/api/tags/nie-ma-takiego/follow")).status).toBe(404);
    for (let twice = 0; twice < 2; twice += 1)
      expect((await piotr.put(`/api/tags/${slug}/follow`)).body).toEqual({ followed: true });
    expect(((await piotr.get(`/api/tags/${slug}`)).body as TagPage).tag.followed).toBe(true);
    expect(((await piotr.get("/api/tag-groups")).body as TagOverview).followed.map((tag) => tag.slug)).toContain(slug);
    expect(await Event.countDocuments({ name: "tags.follow", "data.slug": slug })).toBe(1);
    expect((await piotr.delete(`/api/tags/${slug}/follow`)).body).toEqual({ followed: false });
    expect(((await piotr.get(`/api/tags/${slug}`)).body as TagPage).tag.followed).toBe(false);
  });

  it("notifies followers who may read a new thread, not the author nor outsiders", async () => {
    await piotr.put(`/api/tags/${slug}/follow`);
    await marek.put(`/api/tags/${slug}/follow`);
    await anna.put(`/api/tags/${slug}/follow`);
    const started = await startThread(anna, discussionA, "Praktyki zawodowe w powiecie", [slug]);
    expect(started.status).toBe(201);
    const [forPiotr] = await notificationsOf(piotr, 1);
    expect(forPiotr).toMatchObject({
      kind: "followed_tag",
      message: "Kształcenie zawodowe",
      target: { kind: "thread", id: started.body.thread.id, title: "Praktyki zawodowe w powiecie" },
    });
    // Group B's member may not read group A's thread; the author is not told about her own thread.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await Notification.countDocuments({ recipientId: await userId(DEMO.memberB), kind: "followed_tag" })).toBe(
      0,
    );
    expect(await Notification.countDocuments({ recipientId: await userId(DEMO.memberA), kind: "followed_tag" })).toBe(
      0,
    );
  });

  it("notifies followers when a practice or analysis with the tag is published", async () => {
    // The publishing commands belong to other parts; their event is what the listener reacts to.
    const stop = startNotifier({
      logger: createLogger({ LOG_LEVEL: "silent", NODE_ENV: "test" }),
      deliver: () => undefined,
      rules: [followedTagRule],
    });
    try {
      const moderatorId = await userId(DEMO.moderator);
      const practice = await Practice.create({
        title: "Szkoła branżowa z pracodawcami",
        authorId: await userId(DEMO.memberA),
        status: "published",
        publishedAt: new Date(),
        tags: ["powiat", slug],
      });
      await recordEvent({
        name: "practices.publish",
        actorId: moderatorId,
        subjectType: "Practice",
        subjectId: practice._id,
        data: {
          title: practice.title,
          authorId: practice.authorId.toString(),
          status: practice.status,
          isPublic: practice.isPublic,
          version: practice.version,
          voivodeshipCodes: [],
          tags: practice.tags,
        },
      });
      const forMarek = await notificationsOf(marek, 1);
      expect(forMarek[0]).toMatchObject({
        message: "Kształcenie zawodowe",
        target: { kind: "practice", id: practice._id.toString(), title: "Szkoła branżowa z pracodawcami" },
      });
      expect(
        await Notification.countDocuments({ recipientId: await userId(DEMO.memberA), documentId: practice._id }),
      ).toBe(0);
    } finally {
      stop();
    }
  });
});
