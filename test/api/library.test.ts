import type { LibraryView } from "@forum/shared";
import { Group } from "../../server/src/models/Group.js";
import { Jst } from "../../server/src/models/Jst.js";
import { Practice } from "../../server/src/models/Practice.js";
import { User } from "../../server/src/models/User.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
const titles = {
  publicMalopolska: "Praktyka publiczna z Małopolski",
  networkWielkopolska: "Praktyka sieci z Wielkopolski",
  oldPowiat: "Praktyka powiatu z 2024 roku",
  draft: "Praktyka w szkicu",
  submitted: "Praktyka zgłoszona do recenzji",
};

/** Practices are written by another part of the forum: the library only lists them, so the test stores them directly. */
beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "library" });
  const author = await User.findOne({ email: DEMO.memberA }).lean();
  const groupA = await Group.findOne({ slug: "gwd-malopolska" }).lean();
  const groupB = await Group.findOne({ slug: "gwd-wielkopolska-pomorze" }).lean();
  const krakow = await Jst.findOne({ teryt: "1261" }).lean();
  const base = { authorId: author?._id, summary: "Opis praktyki.", tags: ["monitorowanie-jakosci"] };
  // The filters are checked against practices of known places and years: the demo's own practices go first.
  await Practice.deleteMany({});
  await Practice.create([
    {
      ...base,
      title: titles.publicMalopolska,
      status: "published",
      isPublic: true,
      publishedAt: new Date("2026-05-10T10:00:00Z"),
      groupId: groupA?._id,
      jstIds: krakow ? [krakow._id] : [],
      voivodeshipCodes: ["12"],
      jstTypes: ["miasto_na_prawach_powiatu"],
    },
    {
      ...base,
      title: titles.networkWielkopolska,
      status: "published",
      publishedAt: new Date("2026-04-01T10:00:00Z"),
      groupId: groupB?._id,
      voivodeshipCodes: ["30"],
      jstTypes: ["gmina_wiejska"],
      tags: ["lokalne-koalicje"],
    },
    {
      ...base,
      title: titles.oldPowiat,
      status: "published",
      publishedAt: new Date("2024-12-31T23:30:00Z"),
      voivodeshipCodes: ["12"],
      jstTypes: ["powiat"],
    },
    { ...base, title: titles.draft, status: "draft", voivodeshipCodes: ["12"] },
    { ...base, title: titles.submitted, status: "submitted", voivodeshipCodes: ["12"] },
  ]);
}, 120_000);
afterAll(() => server?.stop());

async function library(query: string, email?: string): Promise<LibraryView> {
  const agent = email ? await signedInAgent(server.url, email) : await csrfAgent(server.url);
  const response = await agent.get(`/api/library${query}`);
  expect(response.status).toBe(200);
  return response.body as LibraryView;
}
const titlesOf = (view: LibraryView) => view.items.map((item) => item.title);

describe("the library", () => {
  it("lists published practices and analyses newest first; drafts and submissions never", async () => {
    const view = await library("", DEMO.memberA);
    const listed = titlesOf(view);
    expect(listed).toEqual(
      expect.arrayContaining([
        titles.publicMalopolska,
        titles.networkWielkopolska,
        titles.oldPowiat,
        "Finansowanie oświaty w gminach wiejskich",
        "Monitorowanie jakości kształcenia w JST",
      ]),
    );
    expect(listed).not.toContain(titles.draft);
    expect(listed).not.toContain(titles.submitted);
    expect(view.items.every((item) => item.status === "published")).toBe(true);
    const dates = view.items.map((item) => item.publishedAt ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
    expect(view.total).toBe(view.items.length);
    expect(view.canCreateAnalysis).toBe(false);
    expect((await library("", DEMO.expert)).canCreateAnalysis).toBe(true);
  });

  it("shows visitors only public items", async () => {
    const view = await library("");
    expect(titlesOf(view)).toEqual(
      expect.arrayContaining([titles.publicMalopolska, "Finansowanie oświaty w gminach wiejskich"]),
    );
    expect(view.items.every((item) => item.isPublic)).toBe(true);
    expect(titlesOf(view)).not.toContain(titles.networkWielkopolska);
    expect(view.canCreateAnalysis).toBe(false);
  });

  it("narrows by kind, tag, JST type, voivodeship, group and year", async () => {
    const member = DEMO.memberA;
    const practices = await library("?kind=practice", member);
    expect(practices.items.every((item) => item.kind === "practice")).toBe(true);
    const analyses = await library("?kind=analysis", member);
    expect(analyses.items.length).toBeGreaterThan(0);
    expect(analyses.items.every((item) => item.kind === "analysis")).toBe(true);

    // The demo's practices carry taxonomy tags too: the test's own practice is among them, the others are not.
    const taggedCoalitions = titlesOf(await library("?tag=lokalne-koalicje", member));
    expect(taggedCoalitions).toContain(titles.networkWielkopolska);
    expect(taggedCoalitions).not.toContain(titles.publicMalopolska);
    expect(taggedCoalitions).not.toContain(titles.oldPowiat);
    const taggedQuality = titlesOf(await library("?tag=monitorowanie-jakosci", member));
    expect(taggedQuality).toEqual(
      expect.arrayContaining([titles.publicMalopolska, titles.oldPowiat, "Monitorowanie jakości kształcenia w JST"]),
    );
    expect(taggedQuality).not.toContain(titles.networkWielkopolska);

    expect(titlesOf(await library("?jstType=powiat", member))).toEqual([titles.oldPowiat]);
    expect(titlesOf(await library("?voivodeship=12", member))).toEqual([titles.publicMalopolska, titles.oldPowiat]);
    expect(titlesOf(await library("?voivodeship=12&jstType=powiat", member))).toEqual([titles.oldPowiat]);
    expect(titlesOf(await library("?group=gwd-wielkopolska-pomorze", member))).toEqual([titles.networkWielkopolska]);
    expect(titlesOf(await library("?group=nie-ma-takiej", member))).toEqual([]);
    // 23:30 UTC on 31 December 2024 is already 2025 in Poland.
    expect(titlesOf(await library("?year=2025&kind=practice", member))).toEqual([titles.oldPowiat]);
    expect(titlesOf(await library("?year=2024", member))).toEqual([]);
    expect(titlesOf(await library("?voivodeship=30"))).toEqual([]);
  });

  it("offers the filter values: taxonomy, JST types, 16 voivodeships, groups and years", async () => {
    const { facets } = await library("", DEMO.memberA);
    expect(facets.voivodeships).toHaveLength(16);
    expect(facets.voivodeships[0]).toEqual({ code: "02", name: expect.stringMatching(/dolnośląskie/i) });
    expect(facets.tags.map((group) => group.slug)).toContain("obszary-zarzadzania");
    expect(facets.jstTypes).toContain("powiat");
    expect(facets.groups.map((group) => group.slug)).toContain("gwd-malopolska");
    expect(facets.years[facets.years.length - 1]).toBe(2025);
    expect(facets.years[0]).toBeGreaterThanOrEqual(2026);
  });

  it("pages 20 items at a time", async () => {
    const author = await User.findOne({ email: DEMO.memberB }).lean();
    await Practice.create(
      Array.from({ length: 21 }, (_, index) => ({
        title: `Praktyka do stronicowania ${index + 1}`,
        authorId: author?._id,
        status: "published" as const,
        publishedAt: new Date(Date.UTC(2023, 0, index + 1)),
        tags: ["wielojezycznosc"],
      })),
    );
    const first = await library("?tag=wielojezycznosc", DEMO.memberA);
    expect(first.total).toBe(21);
    expect(first.items).toHaveLength(20);
    expect(first.items[0]?.title).toBe("Praktyka do stronicowania 21");
    const second = await library("?tag=wielojezycznosc&page=2", DEMO.memberA);
    expect(titlesOf(second)).toEqual(["Praktyka do stronicowania 1"]);
  });

  it("answers bad filters with 400 and a Polish message", async () => {
    const visitor = await csrfAgent(server.url);
    const cases: [string, RegExp][] = [
      ["?kind=video", /Rodzaj/],
      ["?jstType=miasto", /typ JST/],
      ["?voivodeship=99", /województwa/],
      ["?year=1990", /rok od 2000/],
      ["?year=abc", /Rok/],
      ["?page=0", /strony/],
      ["?tag=<script>", /tag/],
    ];
    for (const [query, message] of cases) {
      const response = await visitor.get(`/api/library${query}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toMatch(message);
    }
  });
});
