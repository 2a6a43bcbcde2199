import request from "supertest";
import type { JstSummary } from "@forum/shared";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false, label: "jst-search" });
}, 120_000);
afterAll(() => server?.stop());

const search = async (query: Record<string, string>) => {
  const response = await request(server.url).get("/api/jsts").query(query);
  expect(response.status).toBe(200);
  return response.body.jsts as JstSummary[];
};

describe("JST search (public, for the registration form)", () => {
  it("ranks names that start with the query before names that only contain it", async () => {
    const jsts = await search({ q: "krak", limit: "50" });
    const names = jsts.map((jst) => jst.name);
    expect(names[0]).toMatch(/^Krak/);
    expect(names).toContain("Kraków");
    expect(names).toContain("powiat krakowski");
    const lastPrefix = names.map((name) => /^krak/i.test(name)).lastIndexOf(true);
    expect(names.indexOf("powiat krakowski")).toBeGreaterThan(lastPrefix);
  });

  it("ignores case and Polish diacritics", async () => {
    const folded = await search({ q: "lodz" });
    const typed = await search({ q: "ŁÓDŹ" });
    expect(folded.map((jst) => jst.name)).toContain("Łódź");
    expect(typed).toEqual(folded);
  });

  it("filters by type and by voivodeship", async () => {
    const powiats = await search({ q: "krak", type: "powiat" });
    expect(powiats.length).toBeGreaterThan(0);
    expect(powiats.every((jst) => jst.type === "powiat")).toBe(true);

    const malopolska = await search({ voivodeship: "12", limit: "50" });
    expect(malopolska).toHaveLength(50);
    expect(malopolska.every((jst) => jst.voivodeship === "małopolskie")).toBe(true);
  });

  it("tells units of one name apart: a gmina names its powiat (the TERYT unit of its first 4 digits)", async () => {
    const krakow = (await search({ q: "Kraków", limit: "10" })).filter((jst) => jst.name === "Kraków");
    expect(krakow.map(({ teryt, type, powiat }) => ({ teryt, type, powiat }))).toEqual(
      expect.arrayContaining([
        { teryt: "1261", type: "miasto_na_prawach_powiatu", powiat: null },
        {
          teryt: "1261011",
          type: "gmina_miejska",
          powiat: { teryt: "1261", name: "Kraków", type: "miasto_na_prawach_powiatu" },
        },
      ]),
    );
    const [wieliczka] = (await search({ q: "Wieliczka" })).filter((jst) => jst.name === "Wieliczka");
    expect(wieliczka?.powiat).toEqual({ teryt: "1219", name: "powiat wielicki", type: "powiat" });
  });

  it("keeps to the limit and treats regex characters as text", async () => {
    expect(await search({ q: "a", limit: "5" })).toHaveLength(5);
    expect(await search({ q: "(.*" })).toEqual([]);
    expect(await search({ q: "^" })).toEqual([]);
  });

  it("answers 400 for a bad filter", async () => {
    expect((await request(server.url).get("/api/jsts").query({ type: "kraj" })).status).toBe(400);
    expect((await request(server.url).get("/api/jsts").query({ limit: "500" })).status).toBe(400);
  });
});

describe("voivodeships", () => {
  it("lists the 16 voivodeships with their TERYT codes", async () => {
    const response = await request(server.url).get("/api/voivodeships");
    expect(response.status).toBe(200);
    expect(response.body.voivodeships).toHaveLength(16);
    expect(response.body.voivodeships).toContainEqual({ code: "12", name: "małopolskie" });
  });
});
