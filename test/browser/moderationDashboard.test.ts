import { existsSync, readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { ModerationQueueCounts } from "@forum/shared";
import { expectNoAxeViolations, launchBrowser, newContext, saveScreenshot, VIEWPORTS } from "../support/browser.js";
import { signInByApi } from "../support/browserApi.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { User } from "../../server/src/models/User.js";

/**
 * A moderator's way through moderation: the header link with its count, the dashboard, the audit
 * log filtered by action and person, and the CSV download; a member sees none of it.
 */

const PAGE_TIMEOUT = 90_000;
let server: TestServer;
let browser: Browser;
let queues: ModerationQueueCounts;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "moderationdashboard-browser" });
  // Audit entries to look for: the moderator suspends and reinstates a member, the admin does the same.
  const target = String((await User.findOne({ email: DEMO.memberB }).lean())?._id);
  for (const email of [DEMO.moderator, DEMO.admin]) {
    const agent = await signedInAgent(server.url, email);
    const suspended = await agent.post(`/api/admin/users/${target}/suspend`).send({ reason: "Próba", until: null });
    expect(suspended.status).toBe(200);
    expect((await agent.post(`/api/admin/users/${target}/unsuspend`).send({})).status).toBe(200);
  }
  await User.create({
    email: "zofia.zrebiecka@gmina.example.pl",
    name: "Zofia Źrebięcka",
    passwordHash: "x",
    status: "pending",
  });
  queues = (await (await signedInAgent(server.url, DEMO.moderator)).get("/api/moderation/queues")).body;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function withPage<T>(viewport: keyof typeof VIEWPORTS, email: string, run: (page: Page) => Promise<T>) {
  const context: BrowserContext = await newContext(browser, viewport);
  try {
    await signInByApi(context, server.url, email);
    const page = await context.newPage();
    return await run(page);
  } finally {
    await context.close();
  }
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.locator("main h1").first().waitFor();
}

describe("moderation screens", () => {
  it(
    "take a moderator from the header to the dashboard, the filtered log and its CSV",
    async () => {
      expect(queues.total).toBeGreaterThan(0);
      await withPage("desktop", DEMO.moderator, async (page) => {
        await open(page, "/");
        // The staff links sit under one menu, whose button carries the count too.
        const manage = page
          .getByRole("navigation")
          .getByRole("button", { name: new RegExp(`^Zarządzanie, ${queues.total} (sprawa|sprawy|spraw)`) });
        await manage.click();
        expect(await manage.getAttribute("aria-expanded")).toBe("true");
        // The count arrives just after the page: the link's name says it once it is there.
        const navLink = page
          .getByRole("navigation")
          .getByRole("link", { name: new RegExp(`^Moderacja, ${queues.total} (sprawa|sprawy|spraw)`) });
        await navLink.waitFor();
        expect(await navLink.innerText()).toMatch(new RegExp(`^Moderacja\\s*${queues.total}$`));
        await navLink.click();
        await page.waitForURL(`${server.url}/moderacja`);
        await page.getByRole("heading", { level: 1, name: "Moderacja" }).waitFor();
        const requests = page.getByRole("link", { name: /Prośby o konto/ });
        expect(await requests.innerText()).toContain(String(queues.accountRequests));
        expect(await page.getByRole("link", { name: /Zgłoszenia wpisów/ }).innerText()).toContain("nic nie czeka");
        await page.getByRole("heading", { name: "Wskaźniki projektu" }).waitFor();
        expect(await page.getByRole("table").getByRole("rowheader").count()).toBeGreaterThanOrEqual(1);
        const recent = page.getByRole("list").filter({ hasText: "Zawieszenie konta" });
        expect(await recent.count()).toBe(1);
        // Actions and what they concern in words, never as the stored keys.
        const recentText = await recent.innerText();
        expect(recentText).toContain("osoba");
        expect(recentText).not.toMatch(/users\.suspend|\bUser\b/);
        await expectNoAxeViolations(page);
        await saveScreenshot(page, "moderation-dashboard-desktop");

        await page.getByRole("link", { name: "Cały dziennik moderacji" }).click();
        await page.getByRole("heading", { level: 1, name: "Dziennik moderacji" }).waitFor();
        await page.getByLabel("Czynność").selectOption({ label: "Zawieszenie konta" });
        const moderatorOption = await page
          .getByLabel("Kto")
          .locator("option", { hasText: "Katarzyna Nowak" })
          .getAttribute("value");
        await page.getByLabel("Kto").selectOption(moderatorOption ?? "");
        await page.getByRole("button", { name: "Pokaż" }).click();
        await page.waitForURL((url) => url.searchParams.get("action") === "users.suspend");
        await page.getByRole("heading", { name: "1 wpis" }).waitFor();
        const rows = page.locator("table.entries tbody tr");
        expect(await rows.count()).toBe(1);
        const row = await rows.first().innerText();
        expect(row).toContain("Katarzyna Nowak");
        expect(row).toContain("Zawieszenie konta");
        expect(row).toContain("Marek Kamiński");
        // What changed, named and valued in Polish: "powód zawieszenia: — → Próba", "stan: aktywne → zawieszone".
        expect(row).toContain("powód zawieszenia");
        expect(row).toContain("zawieszone");
        expect(row).not.toMatch(/users\.suspend|suspension\.reason/);
        expect(await rows.first().getByRole("link", { name: "Marek Kamiński" }).getAttribute("href")).toMatch(
          /^\/osoby\//,
        );
        await expectNoAxeViolations(page);
        await saveScreenshot(page, "moderation-log-desktop");

        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("link", { name: "Pobierz CSV (ten filtr)" }).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/^dziennik-moderacji-\d{4}-\d{2}-\d{2}\.csv$/);
        const csv = readFileSync((await download.path()) ?? "", "utf8");
        expect(csv.charCodeAt(0)).toBe(0xfeff);
        const lines = csv.slice(1).trim().split("\r\n");
        expect(lines[0]).toBe("Kiedy,Kto,Login,Rola,Czynność,Kod czynności,Czego dotyczy,Zmiany,Powód,IP");
        expect(lines).toHaveLength(2);
        expect(lines[1]).toContain("Katarzyna Nowak");
        expect(lines[1]).toContain("Zawieszenie konta");
        expect(lines[1]).toContain("osoba: Marek Kamiński");
      });
    },
    PAGE_TIMEOUT,
  );

  it(
    "fit a 360 px phone, with the link in the menu",
    async () => {
      await withPage("phone", DEMO.moderator, async (page) => {
        await open(page, "/");
        await page.getByRole("button", { name: "Menu" }).click();
        await page
          .getByRole("navigation")
          .getByRole("link", { name: /^Moderacja/ })
          .click();
        await page.getByRole("heading", { level: 1, name: "Moderacja" }).waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
        await expectNoAxeViolations(page);
        await saveScreenshot(page, "moderation-dashboard-phone");
        await open(page, "/moderacja/dziennik");
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          VIEWPORTS.phone.width,
        );
        await expectNoAxeViolations(page);
        await saveScreenshot(page, "moderation-log-phone");
      });
    },
    PAGE_TIMEOUT,
  );

  it(
    "are not shown to a member, who is refused at the address",
    async () => {
      await withPage("desktop", DEMO.memberA, async (page) => {
        await open(page, "/");
        await page.getByRole("navigation").getByRole("link", { name: "Moje grupy" }).waitFor();
        expect(await page.getByRole("link", { name: /^Moderacja/ }).count()).toBe(0);
        for (const path of ["/moderacja", "/moderacja/dziennik"]) {
          await open(page, path);
          expect(await page.locator("main h1").innerText()).toBe("Brak dostępu");
        }
        await expectNoAxeViolations(page);
      });
    },
    PAGE_TIMEOUT,
  );
});
