import request from "supertest";
import type { NetworkOverview } from "@forum/shared";
import { startTestServer, type TestServer } from "../support/testServer.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "platform" });
}, 120_000);
afterAll(() => server?.stop());

describe("health and errors", () => {
  it("reports the database in /api/health", async () => {
    const response = await request(server.url).get("/api/health");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok", database: { status: "up", kind: expect.any(String) } });
    expect(response.headers["x-request-id"]).toMatch(/^[\w-]+$/);
  });

  it("answers an unknown API path with a Polish JSON error", async () => {
    const response = await request(server.url).get("/api/nie-ma-takiego");
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: "not_found", message: "Nie ma takiego adresu API." } });
  });

  it("rejects malformed JSON with 400 and a Polish message", async () => {
    const response = await request(server.url)
      .post("/api/auth/login")
      .set("Content-Type", "application/json")
      .send("{ to nie jest json");
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_input");
    expect(response.body.error.message).toMatch(/JSON/);
  });

  it("keeps the caller's request id when it is well formed", async () => {
    const response = await request(server.url).get("/api/health").set("X-Request-Id", "abc-123");
    expect(response.headers["x-request-id"]).toBe("abc-123");
  });
});

describe("the built client", () => {
  it("serves index.html for client routes (history API fallback) with a strict CSP", async () => {
    const response = await request(server.url).get("/grupy/gwd-malopolska");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toMatch(/text\/html/);
    expect(response.text).toContain('<html lang="pl"');
    const directives = new Map(
      String(response.headers["content-security-policy"] ?? "")
        .split(";")
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name = "", ...values]) => [name, values]),
    );
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("script-src-attr")).toEqual(["'none'"]);
    expect(directives.get("style-src")).toEqual(["'self'"]);
    // No inline script: everything the page runs comes from files the CSP allows.
    expect(response.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("does not serve index.html for unknown API paths", async () => {
    const response = await request(server.url).get("/api/grupy");
    expect(response.headers["content-type"]).toMatch(/json/);
  });
});

describe("public network overview", () => {
  it("lists the demo groups with real TERYT units and totals", async () => {
    const response = await request(server.url).get("/api/network");
    expect(response.status).toBe(200);
    const { stats, groups } = response.body as {
      stats: { jsts: number; groups: number; members: number; voivodeships: number };
      groups: { slug: string; name: string; jsts: { teryt: string; name: string; type: string }[] }[];
    };
    expect(groups.map((group) => group.slug).sort()).toEqual([
      "gwd-lubelskie-dolnoslaskie",
      "gwd-malopolska",
      "gwd-wielkopolska-pomorze",
    ]);
    expect(stats.groups).toBe(3);
    expect(stats.jsts).toBe(24);
    expect(stats.voivodeships).toBeGreaterThanOrEqual(4);
    const malopolska = groups.find((group) => group.slug === "gwd-malopolska");
    expect(malopolska?.jsts).toContainEqual({
      teryt: "1261",
      name: "Kraków",
      type: "miasto_na_prawach_powiatu",
      voivodeship: "małopolskie",
      // A city with powiat rights is its own powiat: no powiat above it to name.
      powiat: null,
    });
    const types = new Set(groups.flatMap((group) => group.jsts.map((jst) => jst.type)));
    expect([...types].sort()).toEqual([
      "gmina_miejska",
      "gmina_miejsko_wiejska",
      "gmina_wiejska",
      "miasto_na_prawach_powiatu",
      "powiat",
    ]);
  });

  it("contains nothing of a group's discussions, and of the documents only the public ones", async () => {
    const response = await request(server.url).get("/api/network");
    const overview = response.body as NetworkOverview;
    // A demo thread of group A; the public practices may well speak of exams themselves.
    expect(JSON.stringify(overview)).not.toContain("Jak rozmawiać z dyrektorami o wynikach egzaminów");
    expect(overview.latestPractices.length).toBeGreaterThan(0);
    expect([...overview.latestPractices, ...overview.latestAnalyses].every((item) => item.isPublic)).toBe(true);
  });
});
