import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, newContext, saveScreenshot, VIEWPORTS } from "../support/browser.js";
import { categoryIdOf, csrfTokenOf, signInByApi } from "../support/browserApi.js";
import { startTestServer } from "../support/testServer.js";

const ANNA = "anna.kowalska@demo.forum-jst.pl";
const DATABASE_AWAY = {
  error: {
    code: "database_unavailable",
    message: "Nie zapisaliśmy zmian, bo baza danych jest chwilowo niedostępna. Twój tekst został zachowany.",
    retryable: true,
  },
};

let server: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "outage" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])("at %s size", (viewport) => {
  it("a reply refused while the database is away says so, keeps the text and goes out by itself", async () => {
    const context = await newContext(browser, viewport);
    await signInByApi(context, server.url, ANNA);
    const category = await categoryIdOf(context, server.url, "gwd-malopolska", "dyskusje");
    const started = await context.request.post(`${server.url}/api/categories/${category}/threads`, {
      data: { title: `Awaria bazy (${viewport})`, body: "Wpis otwierający.", clientId: crypto.randomUUID() },
      headers: { "x-csrf-token": await csrfTokenOf(context, server.url) },
    });
    const threadId = ((await started.json()) as { thread: { id: string } }).thread.id;

    const page = await context.newPage();
    // The server's answer while its database is away, for the first send only.
    let refused = 0;
    await page.route(`**/api/threads/${threadId}/posts`, async (route) => {
      if (route.request().method() !== "POST" || refused > 0) return route.continue();
      refused += 1;
      await route.fulfill({ status: 503, headers: { "Retry-After": "5" }, json: DATABASE_AWAY });
    });
    await page.goto(`${server.url}/watki/${threadId}`);
    const text = `Odpowiedź mimo awarii bazy (${viewport})`;
    await page.getByLabel("Treść odpowiedzi").fill(text);
    await page.getByRole("button", { name: "Wyślij odpowiedź" }).click();

    await page.getByText("Nie zapisaliśmy zmian").waitFor();
    expect(await page.getByLabel("Treść odpowiedzi").inputValue()).toBe(text);
    await expect(page.getByRole("button", { name: "Anuluj wysyłanie" }).isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, `${viewport}-reply-database-away`);

    // Sent again after the pause the server asked for, with the same client id: stored once.
    await page.getByText("Połączenie wróciło — wpis wysłany.").waitFor({ timeout: 15_000 });
    await page.locator("article", { hasText: text }).first().waitFor();
    expect(refused).toBe(1);
    expect(await page.locator("article", { hasText: text }).count()).toBe(1);
    await context.close();
  }, 60_000);
});
