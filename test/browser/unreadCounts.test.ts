import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import {
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  saveScreenshot,
  VIEWPORTS,
  waitForAnnouncement,
} from "../support/browser.js";
import { categoryIdOf, csrfTokenOf, signInByApi } from "../support/browserApi.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const ANNA = "anna.kowalska@demo.forum-jst.pl";
const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const GROUP = { slug: "gwd-malopolska", name: "GWD Małopolska" };
const CATEGORY = { slug: "dyskusje", name: "Dyskusje między sesjami" };
const LIVE_TIMEOUT = 10_000;
const JOURNEY_TIMEOUT = 150_000;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "unread-ui" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The number on an "N nowych" badge inside `scope` (0 when there is none). */
async function badgeCount(scope: Locator): Promise<number> {
  const badge = scope.locator(".unread-badge");
  if ((await badge.count()) === 0) return 0;
  const text = await badge.locator('[aria-hidden="true"]').innerText();
  expect(text).toMatch(/^\d+ now(y|e|ych)$/);
  return Number.parseInt(text, 10);
}

async function waitForCount(scope: Locator, expected: number): Promise<void> {
  const deadline = Date.now() + LIVE_TIMEOUT;
  while ((await badgeCount(scope)) !== expected) {
    if (Date.now() > deadline) throw new Error(`badge stayed at ${await badgeCount(scope)}, expected ${expected}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function postAs(context: BrowserContext, threadId: string, body: string): Promise<void> {
  const response = await context.request.post(`${server.url}/api/threads/${threadId}/posts`, {
    data: { body, clientId: crypto.randomUUID() },
    headers: { "x-csrf-token": await csrfTokenOf(context, server.url) },
  });
  expect(response.status()).toBe(201);
}

/** Waits until the page's socket is in its rooms (it opens once a page follows the counts). */
const settle = (page: Page) => page.waitForTimeout(1_500);

it(
  "counts new posts live on the home, group and category pages, and forgets them once read",
  async () => {
    const annaContext = await newContext(browser, "desktop");
    const piotrContext = await newContext(browser, "desktop");
    try {
      await signInByApi(annaContext, server.url, ANNA);
      await signInByApi(piotrContext, server.url, PIOTR);
      const categoryId = await categoryIdOf(piotrContext, server.url, GROUP.slug, CATEGORY.slug);
      const list = await piotrContext.request.get(`${server.url}/api/categories/${categoryId}/threads`);
      const { threads } = (await list.json()) as { threads: Array<{ id: string; title: string }> };
      const thread = threads[0];
      if (!thread) throw new Error("no thread to post in");

      // Home: the group's card counts up.
      const anna = await annaContext.newPage();
      await anna.goto(server.url);
      const myGroup = anna.locator(".my-group", { hasText: GROUP.name });
      await myGroup.waitFor();
      await settle(anna);
      const home = await badgeCount(myGroup);
      expect(home).toBeGreaterThan(0);
      await postAs(piotrContext, thread.id, "Pierwsza nowość dla strony głównej.");
      await waitForCount(myGroup, home + 1);
      await waitForAnnouncement(anna, `Nowy wpis w grupie ${GROUP.name}`);
      await saveScreenshot(anna, "desktop-home-unread");
      await expectNoAxeViolations(anna);

      // Group: the category counts up.
      await myGroup.click();
      const category = anna.locator(".category", { hasText: CATEGORY.name });
      await category.waitFor();
      await settle(anna);
      const inCategory = await badgeCount(category);
      expect(inCategory).toBeGreaterThan(0);
      await postAs(piotrContext, thread.id, "Druga nowość dla strony grupy.");
      await waitForCount(category, inCategory + 1);
      await waitForAnnouncement(anna, `Nowy wpis w wątku „${thread.title}”`);
      await saveScreenshot(anna, "desktop-group-unread");
      await expectNoAxeViolations(anna);

      // Category: the thread counts up, and moves to the top.
      await category.getByRole("link", { name: CATEGORY.name }).click();
      const row = anna.locator(".thread", { hasText: thread.title });
      await row.waitFor();
      await settle(anna);
      const inThread = await badgeCount(row);
      expect(inThread).toBeGreaterThan(0);
      // Focus stays where the reader put it while the list changes.
      await row.getByRole("link", { name: thread.title }).focus();
      await postAs(piotrContext, thread.id, "Trzecia nowość dla listy wątków.");
      await waitForCount(row, inThread + 1);
      expect(await anna.evaluate(() => document.activeElement?.textContent?.trim())).toBe(thread.title);
      await saveScreenshot(anna, "desktop-category-unread");
      await expectNoAxeViolations(anna);

      // Reading the thread (short enough to be seen whole) clears its count.
      await row.getByRole("link", { name: thread.title }).click();
      await anna.locator("li[data-number]").first().waitFor();
      await anna.locator("li[data-number]").last().scrollIntoViewIfNeeded();
      await anna.waitForTimeout(3_000);
      await anna.goBack();
      await anna.locator(".thread", { hasText: thread.title }).waitFor();
      expect(await badgeCount(anna.locator(".thread", { hasText: thread.title }))).toBe(0);
    } finally {
      await annaContext.close();
      await piotrContext.close();
    }
  },
  JOURNEY_TIMEOUT,
);

it(
  "shows the counts at 360 px without overflow",
  async () => {
    const context = await newContext(browser, "phone");
    const piotrContext = await newContext(browser, "desktop");
    try {
      await signInByApi(context, server.url, ANNA);
      await signInByApi(piotrContext, server.url, PIOTR);
      // Something new in the category's newest thread, whatever the other test left read.
      const categoryId = await categoryIdOf(context, server.url, GROUP.slug, CATEGORY.slug);
      const list = await context.request.get(`${server.url}/api/categories/${categoryId}/threads`);
      const [thread] = ((await list.json()) as { threads: Array<{ id: string }> }).threads;
      if (!thread) throw new Error("no thread to post in");
      await postAs(piotrContext, thread.id, "Nowość do pokazania na telefonie.");
      const page = await context.newPage();
      for (const [path, name] of [
        ["/", "home"],
        [`/grupy/${GROUP.slug}`, "group"],
        [`/kategorie/${categoryId}`, "category"],
      ] as const) {
        await page.goto(`${server.url}${path}`);
        await page.locator(".unread-badge").first().waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          VIEWPORTS.phone.width,
        );
        await saveScreenshot(page, `phone-${name}-unread`);
        await expectNoAxeViolations(page);
      }
    } finally {
      await context.close();
      await piotrContext.close();
    }
  },
  JOURNEY_TIMEOUT,
);
