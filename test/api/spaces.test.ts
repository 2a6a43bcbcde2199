import { randomUUID } from "node:crypto";
import type {
  CategorySummary,
  CategoryThreads,
  GroupDetail,
  HomeOverview,
  TagGroupView,
  ThreadDetail,
} from "@forum/shared";
import { Event } from "../../server/src/models/Event.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { User } from "../../server/src/models/User.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "spaces" });
}, 120_000);
afterAll(() => server?.stop());

const groupCategories = async (email: string, slug = "gwd-malopolska"): Promise<CategorySummary[]> =>
  ((await (await signedInAgent(server.url, email)).get(`/api/groups/${slug}`)).body as GroupDetail).categories;

describe("category management", () => {
  it("lets a moderator create, describe and reorder a group's categories, recording each change", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const created = await moderator
      .post("/api/groups/gwd-malopolska/categories")
      .send({ name: "Rekrutacja do szkół średnich", description: "Terminy i zasady naboru." });
    expect(created.status).toBe(201);
    expect(created.body.category).toMatchObject({
      slug: "rekrutacja-do-szkol-srednich",
      name: "Rekrutacja do szkół średnich",
      kind: "discussion",
      threadCount: 0,
    });
    const id: string = created.body.category.id;
    let order = (await groupCategories(DEMO.memberA)).map((category) => category.id);
    expect(order.at(-1)).toBe(id);

    const moved = await moderator.post(`/api/categories/${id}/move`).send({ direction: "up" });
    expect(moved.status).toBe(200);
    order = (await groupCategories(DEMO.memberA)).map((category) => category.id);
    expect(order.at(-2)).toBe(id);
    expect((moved.body.categories as CategorySummary[]).map((category) => category.id)).toEqual(order);

    const edited = await moderator
      .patch(`/api/categories/${id}`)
      .send({ name: "Rekrutacja i nabór", description: "Nabór do szkół.", kind: "announcements" });
    expect(edited.status).toBe(200);
    expect(edited.body.category).toMatchObject({
      slug: "rekrutacja-do-szkol-srednich",
      name: "Rekrutacja i nabór",
      kind: "announcements",
    });
    const events = await Event.find({ subjectId: id }).sort({ createdAt: 1 }).lean();
    expect(events.map((event) => event.name)).toEqual(["categories.create", "categories.move", "categories.update"]);
    expect(events[2]?.data).toMatchObject({
      before: { name: "Rekrutacja do szkół średnich", kind: "discussion" },
      after: { name: "Rekrutacja i nabór", kind: "announcements" },
    });

    // Announcements: members may no longer start threads there.
    const member = await signedInAgent(server.url, DEMO.memberA);
    const refused = await member
      .post(`/api/categories/${id}/threads`)
      .send({ title: "Pytanie o nabór", body: "Czy są już terminy?", clientId: randomUUID() });
    expect(refused.status).toBe(403);
    const listing = (await member.get(`/api/categories/${id}/threads`)).body as CategoryThreads;
    expect(listing.canStartThread).toBe(false);
    expect(((await moderator.get(`/api/categories/${id}/threads`)).body as CategoryThreads).canStartThread).toBe(true);
  });

  it("gives a second category with the same name its own address", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const first = await moderator.post("/api/groups/gwd-lubelskie-dolnoslaskie/categories").send({ name: "Dowozy" });
    const second = await moderator.post("/api/groups/gwd-lubelskie-dolnoslaskie/categories").send({ name: "Dowozy" });
    expect(first.body.category.slug).toBe("dowozy");
    expect(second.body.category.slug).toBe("dowozy-2");
  });

  it("refuses bad input and impossible moves with a Polish message", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const tooShort = await moderator.post("/api/groups/gwd-malopolska/categories").send({ name: "A" });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.fields.name).toMatch(/co najmniej 3 znaki/);
    const badKind = await moderator.post("/api/network/categories").send({ name: "Coś nowego", kind: "secret" });
    expect(badKind.status).toBe(400);
    const first = (await groupCategories(DEMO.moderator))[0]!;
    const up = await moderator.post(`/api/categories/${first.id}/move`).send({ direction: "up" });
    expect(up.status).toBe(409);
    expect(up.body.error.message).toBe("Ta kategoria jest już pierwsza.");
    const sideways = await moderator.post(`/api/categories/${first.id}/move`).send({ direction: "left" });
    expect(sideways.status).toBe(400);
  });

  it("adds network-wide categories that every member sees", async () => {
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const created = await moderator
      .post("/api/network/categories")
      .send({ name: "Wymiana między grupami", description: "Dla wszystkich grup." });
    expect(created.status).toBe(201);
    for (const email of [DEMO.memberA, DEMO.memberB]) {
      const listed = await (await signedInAgent(server.url, email)).get("/api/network/categories");
      expect((listed.body.categories as CategorySummary[]).map((category) => category.name)).toEqual([
        "Ogłoszenia Związku Miast Polskich",
        "Sieć liderów oświaty",
        "Wymiana między grupami",
      ]);
    }
  });
});

describe("tags on threads", () => {
  it("lists the seeded taxonomy: the eight key competences, management areas, JST type, stage", async () => {
    const member = await signedInAgent(server.url, DEMO.memberA);
    const groups = (await member.get("/api/tags")).body.tagGroups as TagGroupView[];
    expect(groups.map((group) => group.name)).toEqual([
      "Kompetencje kluczowe",
      "Obszary zarządzania oświatą",
      "Typ JST",
      "Etap edukacyjny",
    ]);
    expect(groups[0]?.tags).toHaveLength(8);
    expect(groups[1]?.tags.map((tag) => tag.name)).toContain("Lokalny plan podnoszenia jakości");
  });

  it("stores a new thread's tags and shows them in the thread and the category list", async () => {
    const member = await signedInAgent(server.url, DEMO.memberA);
    const discussion = (await groupCategories(DEMO.memberA)).find((category) => category.slug === "dyskusje")!;
    const created = await member.post(`/api/categories/${discussion.id}/threads`).send({
      title: "Doradztwo zawodowe w klasach 7–8",
      tags: ["klasy-4-8", "przedsiebiorczosc", "klasy-4-8"],
      body: "Jak organizujecie doradztwo?",
      clientId: randomUUID(),
    });
    expect(created.status).toBe(201);
    const detail = (await member.get(`/api/threads/${created.body.thread.id}`)).body as ThreadDetail;
    expect(detail.thread.tags).toEqual([
      { slug: "klasy-4-8", name: "Szkoła podstawowa, klasy 4–8" },
      { slug: "przedsiebiorczosc", name: "Przedsiębiorczość" },
    ]);
    const list = (await member.get(`/api/categories/${discussion.id}/threads`)).body as CategoryThreads;
    expect(list.threads.find((thread) => thread.id === created.body.thread.id)?.tags).toHaveLength(2);
  });

  it("refuses unknown tags and too many tags", async () => {
    const member = await signedInAgent(server.url, DEMO.memberA);
    const discussion = (await groupCategories(DEMO.memberA)).find((category) => category.slug === "dyskusje")!;
    const unknown = await member.post(`/api/categories/${discussion.id}/threads`).send({
      title: "Wątek z wymyślonym tagiem",
      tags: ["nie-ma-takiego"],
      body: "Treść",
      clientId: randomUUID(),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe("Nieznane tagi: nie-ma-takiego.");
    const tooMany = await member.post(`/api/categories/${discussion.id}/threads`).send({
      title: "Wątek z mnóstwem tagów",
      tags: ["klasy-1-3", "klasy-4-8", "powiat", "gmina-wiejska", "wielojezycznosc", "kompetencje-cyfrowe"],
      body: "Treść",
      clientId: randomUUID(),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.fields.tags).toMatch(/najwyżej 5/);
  });
});

describe("home: what is new and upcoming sessions", () => {
  it("shows my groups' next sessions, soonest first, and never another group's", async () => {
    const member = await signedInAgent(server.url, DEMO.memberA);
    const response = await member.get("/api/home");
    expect(response.status).toBe(200);
    const home = response.body as HomeOverview;
    expect(home.upcomingMeetings.length).toBeGreaterThan(0);
    for (const meeting of home.upcomingMeetings) expect(meeting.group.slug).toBe("gwd-malopolska");
    const starts = home.upcomingMeetings.map((meeting) => meeting.startsAt);
    expect([...starts].sort()).toEqual(starts);
    expect(Date.parse(home.upcomingMeetings[0]!.endsAt)).toBeGreaterThan(Date.now());
    expect(await Meeting.countDocuments()).toBe(27);
  });

  it("lists threads with posts since the previous visit, only from spaces I may read", async () => {
    const memberB = await signedInAgent(server.url, DEMO.memberB);
    // The previous visit ended yesterday: the demo threads younger than that are new.
    await User.updateOne(
      { email: DEMO.memberB },
      { $set: { previousVisitAt: new Date(Date.now() - 86_400_000), lastSeenAt: new Date() } },
    );
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    const network = (await moderator.get("/api/network/categories")).body.categories as CategorySummary[];
    const started = await moderator.post(`/api/categories/${network[0]!.id}/threads`).send({
      title: "Zaproszenie na konferencję sieci",
      body: "Zapraszamy wszystkie grupy.",
      clientId: randomUUID(),
    });
    expect(started.status).toBe(201);
    const member = await signedInAgent(server.url, DEMO.memberA);
    const groupOnly = await member
      .post(`/api/categories/${(await groupCategories(DEMO.memberA)).find((c) => c.slug === "dyskusje")!.id}/threads`)
      .send({ title: "Tylko dla Małopolski", body: "Sprawa wewnętrzna grupy.", clientId: randomUUID() });
    expect(groupOnly.status).toBe(201);

    const home = (await memberB.get("/api/home")).body as HomeOverview;
    expect(home.since).not.toBeNull();
    const titles = home.whatsNew.map((thread) => thread.title);
    expect(titles).toContain("Zaproszenie na konferencję sieci");
    expect(titles).not.toContain("Tylko dla Małopolski");
    const conference = home.whatsNew.find((thread) => thread.title === "Zaproszenie na konferencję sieci")!;
    expect(conference.group).toEqual({ slug: "", name: "Sieć liderów" });
    expect(conference.category.name).toBe("Ogłoszenia Związku Miast Polskich");
    for (const thread of home.whatsNew) expect(Date.parse(thread.lastPostAt)).toBeGreaterThan(Date.parse(home.since!));
  });

  it("starts a new visit after an hour away: the previous one becomes the start of 'new'", async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await User.updateOne({ email: DEMO.expert }, { $set: { lastSeenAt: twoHoursAgo, previousVisitAt: null } });
    const expert = await signedInAgent(server.url, DEMO.expert);
    await expert.get("/api/home");
    // The stamp is written after the answer, without holding the request up.
    let stamped = await User.findOne({ email: DEMO.expert }).lean();
    for (let tries = 0; tries < 50 && stamped?.previousVisitAt === null; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      stamped = await User.findOne({ email: DEMO.expert }).lean();
    }
    expect(stamped?.previousVisitAt?.toISOString()).toBe(twoHoursAgo.toISOString());
    expect(stamped!.lastSeenAt!.getTime()).toBeGreaterThan(twoHoursAgo.getTime());
  });
});
