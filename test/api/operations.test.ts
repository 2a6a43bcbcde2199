import request from "supertest";
import type { HealthReport, ReadinessReport, SitePageResponse } from "@forum/shared";
import { Event } from "../../server/src/models/Event.js";
import { User } from "../../server/src/models/User.js";
import { csrfAgent, DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const METRICS_TOKEN = "token-metryk-testu-0123456789";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "operations", env: { METRICS_TOKEN, IP_RETENTION_DAYS: "45" } });
}, 120_000);
afterAll(() => server?.stop());

describe("health and readiness", () => {
  it("/api/health is liveness: 200 with the database's state (shape kept for the orchestrator and other tests)", async () => {
    const response = await request(server.url).get("/api/health");
    expect(response.status).toBe(200);
    expect(response.body as HealthReport).toEqual({
      status: "ok",
      database: { status: "up", kind: expect.any(String) },
    });
  });

  it("/api/ready is 200 when the database answers, without a Redis field when REDIS_URL is not set", async () => {
    const response = await request(server.url).get("/api/ready");
    expect(response.status).toBe(200);
    expect(response.body as ReadinessReport).toEqual({ ready: true, database: "up" });
  });
});

describe("Prometheus metrics", () => {
  it("refuses a scrape without the token or with a wrong one (401, Polish message)", async () => {
    const without = await request(server.url).get("/metrics");
    expect(without.status).toBe(401);
    expect(without.body.error.message).toMatch(/token metryk/);
    const wrong = await request(server.url).get("/metrics").set("Authorization", "Bearer zly-token-0123456789");
    expect(wrong.status).toBe(401);
    const basic = await request(server.url).get("/metrics").set("Authorization", `Basic ${METRICS_TOKEN}`);
    expect(basic.status).toBe(401);
  });

  it("serves the named metrics with the route pattern as the label, never the raw URL", async () => {
    await request(server.url).get("/api/tags/powiat");
    await request(server.url).get("/api/nie-ma-takiego-adresu-123");
    const response = await request(server.url).get("/metrics").set("Authorization", `Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/plain/);
    for (const name of [
      "process_cpu_seconds_total",
      "nodejs_eventloop_lag_seconds",
      "http_request_duration_seconds_bucket",
      "forum_sockets_connected",
      "forum_socket_rooms",
      "forum_live_rooms",
      "forum_events_total",
    ])
      expect(response.text).toContain(`# TYPE ${name.replace(/_bucket$/, "")} `);
    expect(response.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/tags\/:slug",status_class="2xx"\} \d+/,
    );
    expect(response.text).toMatch(/route="unmatched",status_class="4xx"/);
    expect(response.text).not.toContain("powiat");
    expect(response.text).not.toContain("nie-ma-takiego");
    expect(response.text).toMatch(/forum_queue_size\{queue="flags"\} \d+/);
    expect(response.text).toMatch(/forum_queue_size\{queue="pending_posts"\} \d+/);
    expect(response.text).toMatch(/forum_queue_size\{queue="account_requests"\} \d+/);
  });
});

describe("legal pages", () => {
  it("gives the admin the shipped privacy notice with the configured IP retention and the RODO bases", async () => {
    // Visitors see it once its template fields are filled (launchChecklist.test.ts).
    const admin = await signedInAgent(server.url, DEMO.admin);
    const response = await admin.get("/api/pages/privacy");
    expect(response.status).toBe(200);
    const { page } = response.body as SitePageResponse;
    expect(page).toMatchObject({ slug: "privacy", title: "Polityka prywatności", version: 1 });
    expect(page.html).toContain("<strong>45 dni</strong>");
    expect(page.html).toContain("art. 6 ust. 1 lit. a RODO");
    expect(page.html).toContain('href="/profil"');
    expect(page.html).toContain("Urzędu Ochrony Danych Osobowych");
  });

  it("gives the accessibility statement and answers 404 for an unknown page", async () => {
    const admin = await signedInAgent(server.url, DEMO.admin);
    const response = await admin.get("/api/pages/accessibility");
    expect(response.status).toBe(200);
    expect((response.body as SitePageResponse).page.html).toContain("Procedura wnioskowo-skargowa");
    const unknown = await request(server.url).get("/api/pages/regulamin");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("Nie ma takiej strony.");
  });

  it("lets only admins edit: visitor 401, member and moderator 403", async () => {
    const body = { title: "Nowy tytuł", markdown: "Treść, która jest wystarczająco długa.", baseVersion: 1 };
    expect((await (await csrfAgent(server.url)).put("/api/pages/accessibility").send(body)).status).toBe(401);
    expect(
      (await (await signedInAgent(server.url, DEMO.memberA)).put("/api/pages/accessibility").send(body)).status,
    ).toBe(403);
    const moderator = await signedInAgent(server.url, DEMO.moderator);
    expect((await moderator.put("/api/pages/accessibility").send(body)).status).toBe(403);
    const page = await request(server.url).get("/api/pages/accessibility");
    expect((page.body as SitePageResponse).page.version).toBe(1);
  });

  it("saves an admin's text sanitized, records pages.update and refuses a stale save with 409", async () => {
    const admin = await signedInAgent(server.url, DEMO.admin);
    const bad = await admin.put("/api/pages/accessibility").send({ title: "", markdown: "krótko", baseVersion: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("Tytuł musi mieć co najmniej 3 znaki.");
    expect(bad.body.error.fields.markdown).toBe("Treść musi mieć co najmniej 20 znaków.");

    const markdown =
      "## Koordynator\n\nKontakt: <script>alert(1)</script> [kliknij](javascript:alert(1)) <img src=x onerror=alert(1)>";
    const saved = await admin.put("/api/pages/accessibility").send({ title: "Deklaracja", markdown, baseVersion: 1 });
    expect(saved.status).toBe(200);
    const { page } = saved.body as SitePageResponse;
    expect(page).toMatchObject({ title: "Deklaracja", markdown, version: 2 });
    expect(page.html).toContain("<h2>Koordynator</h2>");
    // Raw HTML is shown as text and a javascript: link is not a link: nothing in the page can run.
    expect(page.html).toContain("&lt;script&gt;");
    expect(page.html).not.toMatch(/<script|<img|<a[^>]*javascript:/i);

    const stale = await admin
      .put("/api/pages/accessibility")
      .send({ title: "Starsza wersja", markdown: "Tekst zapisany na podstawie wersji 1.", baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/Ktoś zapisał tę stronę w międzyczasie/);
    expect(((await request(server.url).get("/api/pages/accessibility")).body as SitePageResponse).page.title).toBe(
      "Deklaracja",
    );

    const adminUser = await User.findOne({ email: DEMO.admin }).lean();
    const events = await Event.find({ name: "pages.update" }).lean();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: adminUser?._id,
      actorRole: "admin",
      data: { slug: "accessibility", version: 2 },
    });

    const audit = await admin.get("/api/moderation/audit?action=pages.update");
    expect(audit.status).toBe(200);
    expect(JSON.stringify(audit.body)).toContain("pages.update");

    const metrics = await request(server.url).get("/metrics").set("Authorization", `Bearer ${METRICS_TOKEN}`);
    expect(metrics.text).toMatch(/forum_events_total\{name="pages\.update"\} 1/);
  });
});
