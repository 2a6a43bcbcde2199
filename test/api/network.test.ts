import request from "supertest";
import type { LeaderPage, NetworkMap, NetworkOverview } from "@forum/shared";
import { anyOf } from "../../server/src/db/anyOf.js";
import { Group } from "../../server/src/models/Group.js";
import { Jst } from "../../server/src/models/Jst.js";
import { Membership } from "../../server/src/models/Membership.js";
import { Practice } from "../../server/src/models/Practice.js";
import { User } from "../../server/src/models/User.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "network" });
}, 120_000);
afterAll(() => server?.stop());

const overview = async (): Promise<NetworkOverview> => (await request(server.url).get("/api/network")).body;
const map = async (): Promise<NetworkMap> => (await request(server.url).get("/api/network/map")).body;

async function publishedPractice(fields: { title: string; isPublic: boolean; voivodeshipCodes: string[] }) {
  const author = await User.findOne({ email: DEMO.memberA }, { _id: 1 }).lean();
  return Practice.create({ ...fields, authorId: author!._id, status: "published", publishedAt: new Date() });
}

describe("public totals and the map", () => {
  it("counts the network's JSTs, groups, cohorts, members and sessions from the data", async () => {
    const { stats } = await overview();
    const groups = await Group.find().lean();
    const memberIds = await Membership.distinct("userId");
    const memberJstIds = (await User.distinct("jstId", { _id: anyOf(memberIds) })).filter(Boolean);
    const jstIds = new Set([...groups.flatMap((group) => group.jstIds), ...memberJstIds].map(String));
    expect(stats).toMatchObject({
      jsts: jstIds.size,
      groups: groups.length,
      cohorts: new Set(groups.map((group) => group.cohort)).size,
      members: memberIds.length,
      practices: await Practice.countDocuments({ status: "published" }),
    });
    expect(stats.sessions).toBeGreaterThan(0);
    const voivodeships = await Jst.distinct("voivodeshipCode", { _id: anyOf([...jstIds]) });
    expect(stats.voivodeships).toBe(voivodeships.length);
  });

  it("draws the 16 voivodeships and sums the same JSTs as the totals", async () => {
    const [{ regions, width, height }, { stats }] = await Promise.all([map(), overview()]);
    expect(regions).toHaveLength(16);
    expect(width).toBe(600);
    expect(height).toBeGreaterThan(400);
    expect(regions.find((region) => region.code === "12")).toMatchObject({ name: "małopolskie" });
    expect(regions.reduce((sum, region) => sum + region.jsts, 0)).toBe(stats.jsts);
    expect(regions.find((region) => region.code === "12")!.jsts).toBeGreaterThan(0);
  });

  it("counts a practice on the map and in the totals once it is published, and lists public ones to visitors", async () => {
    const before = await map();
    const beforeStats = (await overview()).stats;
    const draft = await Practice.create({
      title: "Szkolne koła naukowe w gminie",
      authorId: (await User.findOne({ email: DEMO.memberA }).lean())!._id,
      voivodeshipCodes: ["12", "18"],
    });
    const count = (regions: NetworkMap["regions"], code: string) =>
      regions.find((region) => region.code === code)!.practices;
    expect(count((await map()).regions, "12")).toBe(count(before.regions, "12"));

    await Practice.updateOne({ _id: draft._id }, { status: "published", publishedAt: new Date(), isPublic: true });
    const hidden = await publishedPractice({
      title: "Praktyka tylko dla członków",
      isPublic: false,
      voivodeshipCodes: ["12"],
    });
    const after = await map();
    expect(count(after.regions, "12")).toBe(count(before.regions, "12") + 2);
    expect(count(after.regions, "18")).toBe(count(before.regions, "18") + 1);
    expect(count(after.regions, "02")).toBe(count(before.regions, "02"));
    const visitorView = await overview();
    expect(visitorView.stats.practices).toBe(beforeStats.practices + 2);
    const visitorTitles = visitorView.latestPractices.map((practice) => practice.title);
    expect(visitorTitles).toContain("Szkolne koła naukowe w gminie");
    expect(visitorTitles).not.toContain("Praktyka tylko dla członków");

    const member = await signedInAgent(server.url, DEMO.memberB);
    const memberTitles = ((await member.get("/api/network")).body as NetworkOverview).latestPractices.map(
      (practice) => practice.title,
    );
    expect(memberTitles).toContain("Praktyka tylko dla członków");
    await Practice.deleteMany({ _id: anyOf([draft._id, hidden._id]) });
  });
});

describe("leaders' directory", () => {
  const leaders = async (agent: Awaited<ReturnType<typeof signedInAgent>>, query = ""): Promise<LeaderPage> => {
    const response = await agent.get(`/api/network/leaders${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  it("is for signed-in people only", async () => {
    const response = await request(server.url).get("/api/network/leaders");
    expect(response.status).toBe(401);
  });

  it("lists only active people who opted in, with their JST, expertise, groups and practices", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberB);
    const page = await leaders(agent);
    const optedIn = await User.find({ "consents.directoryListing": true, status: "active" }, { username: 1 }).lean();
    expect(page.total).toBe(optedIn.length);
    expect(page.total).toBeGreaterThanOrEqual(4);
    expect(page.leaders.map((leader) => leader.username).sort()).toEqual(optedIn.map((user) => user.username).sort());
    expect(page.leaders.map((leader) => leader.username)).not.toContain("piotr.mazur");
    const anna = page.leaders.find((leader) => leader.username === "anna.kowalska");
    expect(anna).toMatchObject({
      name: "Anna Kowalska",
      position: "Naczelniczka Wydziału Edukacji",
      groups: [{ slug: "gwd-malopolska" }],
      expertise: expect.arrayContaining([{ slug: "finansowanie-i-budzet", name: "Finansowanie i budżet" }]),
    });
    expect(anna?.jst?.voivodeshipCode).toBe("12");

    // Anna already has demo practices; one more published by her is counted and listed.
    const before = (await leaders(agent, "?q=kowalska")).leaders[0]?.practices.count ?? 0;
    const practice = await publishedPractice({
      title: "Lokalny plan wsparcia",
      isPublic: false,
      voivodeshipCodes: ["12"],
    });
    const withPractice = (await leaders(agent, "?q=kowalska")).leaders[0];
    expect(withPractice?.practices.count).toBe(before + 1);
    expect(withPractice?.practices.items).toContainEqual({
      id: practice._id.toString(),
      title: "Lokalny plan wsparcia",
    });
    await practice.deleteOne();
  });

  it("drops a person the moment they withdraw, and lists them again when they opt back in", async () => {
    const anna = await signedInAgent(server.url, DEMO.memberA);
    const viewer = await signedInAgent(server.url, DEMO.memberB);
    const consents = (await anna.get("/api/me/profile")).body.consents;
    expect((await anna.patch("/api/me/consents").send({ ...consents, directoryListing: false })).status).toBe(200);
    expect((await leaders(viewer, "?q=anna")).leaders).toEqual([]);
    expect((await anna.patch("/api/me/consents").send({ ...consents, directoryListing: true })).status).toBe(200);
    expect((await leaders(viewer, "?q=anna")).total).toBe(1);
  });

  it("filters by name, JST or position ignoring diacritics, and by voivodeship, JST type, expertise and group", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    const names = async (query: string) => (await leaders(agent, query)).leaders.map((leader) => leader.username);
    expect(await names("?q=naczelniczka%20wydzialu")).toEqual(["anna.kowalska"]);
    const anna = await User.findOne({ username: "anna.kowalska" }).lean();
    const jst = await Jst.findById(anna!.jstId).lean();
    expect(await names(`?q=${encodeURIComponent(jst!.searchName)}`)).toContain("anna.kowalska");
    expect(await names("?voivodeship=12")).toContain("anna.kowalska");
    expect(await names("?voivodeship=30")).not.toContain("anna.kowalska");
    expect(await names(`?jstType=${jst!.type}`)).toContain("anna.kowalska");
    expect(await names("?tag=finansowanie-i-budzet")).toEqual(
      expect.arrayContaining(["anna.kowalska", "marek.kaminski"]),
    );
    expect(await names("?tag=finansowanie-i-budzet")).not.toContain("joanna.lewandowska");
    expect(await names("?group=gwd-wielkopolska-pomorze")).not.toContain("anna.kowalska");
    expect(await names("?group=gwd-wielkopolska-pomorze")).toContain("marek.kaminski");
    expect(await names("?group=nie-ma-takiej")).toEqual([]);
    expect(await names("?q=&voivodeship=&jstType=&tag=&group=")).toContain("anna.kowalska");
  });

  it("refuses malformed filters with a Polish message", async () => {
    const agent = await signedInAgent(server.url, DEMO.memberA);
    for (const [query, message] of [
      ["?voivodeship=abc", "Wybierz województwo z listy."],
      ["?jstType=kraj", "Wybierz rodzaj JST z listy."],
      ["?page=0", "Numer strony musi być większy od zera."],
      [`?q=${"a".repeat(81)}`, "Wpisz najwyżej 80 znaków."],
    ] as const) {
      const response = await agent.get(`/api/network/leaders${query}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.error)).toContain(message);
    }
  });
});

describe("profile expertise", () => {
  it("accepts taxonomy tags and refuses anything else in Polish", async () => {
    const agent = await signedInAgent(server.url, "piotr.mazur@demo.forum-jst.pl");
    const profile = (await agent.get("/api/me/profile")).body;
    const base = {
      name: profile.name,
      jstTeryt: profile.jst?.teryt ?? null,
      position: profile.position,
      addresseeGroup: profile.addresseeGroup,
      bio: profile.bio,
      language: "pl",
    };
    const saved = await agent.patch("/api/me/profile").send({ ...base, expertise: ["lokalne-koalicje", "powiat"] });
    expect(saved.status).toBe(200);
    expect(saved.body.expertise).toEqual(["lokalne-koalicje", "powiat"]);

    const unknown = await agent.patch("/api/me/profile").send({ ...base, expertise: ["egzaminy-zewnetrzne"] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual({ expertise: "Wybierz obszary z listy." });
    const freeText = await agent.patch("/api/me/profile").send({ ...base, expertise: ["monitorowanie jakości"] });
    expect(freeText.status).toBe(400);
    expect(JSON.stringify(freeText.body.error)).toContain("Wybierz obszary z listy.");
    expect((await User.findOne({ username: "piotr.mazur" }).lean())?.expertise).toEqual(["lokalne-koalicje", "powiat"]);
  });
});
