import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import type { Browser } from "playwright-core";
import { expectAccessibleAtBothWidths, launchBrowser, newContext, waitForAnnouncement } from "../support/browser.js";
import { categoryIdOf, csrfTokenOf, signInByApi } from "../support/browserApi.js";
import { DEMO } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const JOURNEY_TIMEOUT = 150_000;
const POST_TEXT = "Mój wpis do archiwum danych: harmonogram ewaluacji w gminie.";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "personal-data-browser" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it(
  "a member downloads their data archive from the profile, and withdraws a consent that the history then shows",
  async () => {
    const context = await newContext(browser, "desktop");
    try {
      await signInByApi(context, server.url, DEMO.memberA);
      const category = await categoryIdOf(context, server.url, "gwd-malopolska", "dyskusje");
      const started = await context.request.post(`${server.url}/api/categories/${category}/threads`, {
        data: { title: "Archiwum moich danych", body: POST_TEXT, clientId: randomUUID() },
        headers: { "x-csrf-token": await csrfTokenOf(context, server.url) },
      });
      expect(started.status()).toBe(201);

      const page = await context.newPage();
      await page.goto(`${server.url}/profil`);
      await page.getByRole("heading", { level: 2, name: "Moje dane (RODO)" }).waitFor();
      await page.getByRole("heading", { name: "Historia zgód" }).waitFor();
      await expectAccessibleAtBothWidths(page, "profile-personal-data");

      // The button is a plain link: the browser downloads the ZIP, which holds the post.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Pobierz moje dane" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^forum-jst-moje-dane-\d{4}-\d{2}-\d{2}\.zip$/);
      const archive = unzipSync(new Uint8Array(await readFile((await download.path())!)));
      const posts = JSON.parse(strFromU8(archive["posts.json"]!)) as Array<{ body: string }>;
      expect(posts.map((post) => post.body)).toContain(POST_TEXT);
      expect(Object.keys(archive)).toContain("README.txt");

      // Keyboard only: tick the newsletter with Space, save with Enter; the history gains a row, focus stays.
      const newsletter = page.getByRole("checkbox", { name: /Newsletter projektu/ });
      expect(await newsletter.isChecked()).toBe(false);
      await newsletter.focus();
      await page.keyboard.press("Space");
      expect(await newsletter.isChecked()).toBe(true);
      const save = page.getByRole("button", { name: "Zapisz zgody" });
      await save.focus();
      await page.keyboard.press("Enter");
      await waitForAnnouncement(page, "W historii zgód jest 1 nowy wpis.");
      const history = page.getByRole("region", { name: "Historia zgód" });
      await history.getByText(/Newsletter projektu: wyrażona/).waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Zapisz zgody");

      // Withdrawing is as easy: untick and save.
      await newsletter.focus();
      await page.keyboard.press("Space");
      await save.focus();
      await page.keyboard.press("Enter");
      await history.getByText(/Newsletter projektu: wycofana/).waitFor();
      await page.getByRole("heading", { name: "Historia zgód" }).scrollIntoViewIfNeeded();
      await expectAccessibleAtBothWidths(page, "profile-consent-history");
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);

it(
  "an admin finds the export link and the consents log of a person on the users page",
  async () => {
    const context = await newContext(browser, "desktop");
    try {
      await signInByApi(context, server.url, DEMO.admin);
      const page = await context.newPage();
      await page.goto(`${server.url}/admin/uzytkownicy?q=Anna%20Kowalska`);
      await page.locator("table.users").waitFor();
      await page.locator("summary", { hasText: /^Działania\W+Anna Kowalska$/ }).click();
      const exportLink = page.getByRole("link", { name: /^Eksport danych\W+Anna Kowalska$/ });
      expect(await exportLink.getAttribute("href")).toMatch(/^\/api\/admin\/users\/[0-9a-f]{24}\/export$/);
      const summary = page.getByText(/^Historia zgód\W+Anna Kowalska$/);
      await summary.focus();
      await page.keyboard.press("Enter");
      await page
        .getByRole("region", { name: "Historia zgód" })
        .getByText(/Newsletter projektu: wycofana/)
        .waitFor();
      await expectAccessibleAtBothWidths(page, "admin-users-privacy");
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);
