import { existsSync } from "node:fs";
import mongoose from "mongoose";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { anyOf } from "../../server/src/db/anyOf.js";
import { ReadPosition } from "../../server/src/models/ReadPosition.js";
import { User } from "../../server/src/models/User.js";
import { insertThreadPosts } from "../../server/src/seed/bulkThreadPosts.js";
import {
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  saveScreenshot,
  waitForAnnouncement,
} from "../support/browser.js";
import { categoryIdOf, csrfTokenOf, signInByApi } from "../support/browserApi.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const ANNA = "anna.kowalska@demo.forum-jst.pl";
const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const GROUP_SLUG = "gwd-malopolska";
const LONG = 10_000;
/** Post n ≥ 2 of the long thread was written FIRST_AT + (n − 2) hours: about 14 months of posts. */
const FIRST_AT = new Date("2025-01-01T10:30:00.000Z");
const HOUR = 3_600_000;
/** Piotr has read the long thread up to here. */
const READ_UP_TO = 5_000;
/** The page keeps at most this many posts in the DOM (client/src/lib/postWindow.ts). */
const MAX_SHOWN = 150;
const JOURNEY_TIMEOUT = 240_000;

let server: TestServer;
let browser: Browser;
let longThread = "";
let categoryId = "";

async function startThread(context: BrowserContext, title: string): Promise<string> {
  const response = await context.request.post(`${server.url}/api/categories/${categoryId}/threads`, {
    data: { title, body: "Pierwszy wpis.", clientId: crypto.randomUUID() },
    headers: { "x-csrf-token": await csrfTokenOf(context, server.url) },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { thread: { id: string } }).thread.id;
}

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "reading-ui" });
  browser = await launchBrowser();
  const anna = await newContext(browser, "desktop");
  await signInByApi(anna, server.url, ANNA);
  categoryId = await categoryIdOf(anna, server.url, GROUP_SLUG, "dyskusje");
  longThread = await startThread(anna, "Wątek na dziesięć tysięcy wpisów");
  await anna.close();
  const authors = await User.find({ email: anyOf([ANNA, PIOTR]) }, { _id: 1 }).lean();
  await insertThreadPosts({
    threadId: new mongoose.Types.ObjectId(longThread),
    authorIds: authors.map((author) => author._id),
    count: LONG - 1,
    firstAt: FIRST_AT,
    stepMs: HOUR,
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Post numbers in the DOM, in document order. */
const shownNumbers = (page: Page) =>
  page.$$eval("li[data-number]", (items) => items.map((item) => Number((item as HTMLElement).dataset.number)));

/** Where a post's top is on the screen (NaN when it is not in the DOM). */
const topOf = (page: Page, number: number) =>
  page.evaluate(
    (n) => document.querySelector(`li[data-number="${n}"]`)?.getBoundingClientRect().top ?? Number.NaN,
    number,
  );

async function expectInView(page: Page, number: number): Promise<void> {
  const top = await topOf(page, number);
  const height = await page.evaluate(() => window.innerHeight);
  expect(top).toBeGreaterThanOrEqual(-1);
  expect(top).toBeLessThan(height);
}

/** Consecutive numbers, each once, never more than MAX_SHOWN. */
function expectContiguous(numbers: number[]): void {
  expect(numbers.length).toBeGreaterThan(0);
  expect(numbers.length).toBeLessThanOrEqual(MAX_SHOWN);
  numbers.forEach((number, index) => expect(number).toBe((numbers[0] ?? 0) + index));
}

async function until(check: () => Promise<boolean>, what: string, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const storedReadPosition = async () => {
  const piotr = await User.findOne({ email: PIOTR }, { _id: 1 }).lean();
  return (await ReadPosition.findOne({ userId: piotr?._id, threadId: longThread }).lean())?.lastReadNumber ?? 0;
};

describe("a thread of 10,000 posts", () => {
  it(
    "opens at the first unread post, scrolls both ways with a bounded DOM, jumps by keyboard",
    async () => {
      const context = await newContext(browser, "desktop");
      try {
        await signInByApi(context, server.url, PIOTR);
        const marked = await context.request.put(`${server.url}/api/threads/${longThread}/read`, {
          data: { number: READ_UP_TO },
          headers: { "x-csrf-token": await csrfTokenOf(context, server.url) },
        });
        expect(marked.status()).toBe(200);

        const page = await context.newPage();
        await page.goto(`${server.url}/watki/${longThread}`);
        const firstUnread = page.locator(`li[data-number="${READ_UP_TO + 1}"]`);
        await firstUnread.waitFor();
        await page.waitForTimeout(500);
        await expectInView(page, READ_UP_TO + 1);
        const opened = await shownNumbers(page);
        expectContiguous(opened);
        await saveScreenshot(page, "desktop-thread-first-unread");
        await expectNoAxeViolations(page);

        // Reading: what was in view is stored (after the client's pause), and never moves back.
        await until(async () => (await storedReadPosition()) > READ_UP_TO, "the read position to move on");

        // Up: earlier posts come in above without moving what the reader looks at.
        const openedFirst = opened[0] ?? 0;
        await page.evaluate(() => window.scrollTo(0, 0));
        const before = await topOf(page, openedFirst);
        await until(async () => ((await shownNumbers(page))[0] ?? 0) < openedFirst, "earlier posts");
        await page.waitForTimeout(300);
        expect(Math.abs((await topOf(page, openedFirst)) - before)).toBeLessThan(40);
        for (let step = 0; step < 4; step += 1) {
          const first = (await shownNumbers(page))[0] ?? 0;
          await page.evaluate(() => window.scrollTo(0, 0));
          await until(async () => ((await shownNumbers(page))[0] ?? 0) < first, "still earlier posts");
          expectContiguous(await shownNumbers(page));
        }
        expect((await shownNumbers(page))[0]).toBeLessThan(openedFirst - 150);

        // Down again, past where the page opened: later posts come in below, older ones leave.
        const target = (opened.at(-1) ?? 0) + 100;
        await until(
          async () => {
            await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
            const numbers = await shownNumbers(page);
            expectContiguous(numbers);
            return (numbers.at(-1) ?? 0) >= target;
          },
          "later posts",
          90_000,
        );
        expect(await storedReadPosition()).toBeGreaterThan(READ_UP_TO);

        // Keyboard: the jump controls are buttons in the tab order; the jump moves focus to the post.
        const top = page.getByRole("button", { name: "Początek wątku" });
        await top.focus();
        await page.keyboard.press("Tab");
        await page.keyboard.press("Enter");
        await page.locator(`li[data-number="${LONG}"]`).waitFor();
        await until(
          async () => (await page.evaluate(() => document.activeElement?.getAttribute("data-number"))) === String(LONG),
          "focus on the last post",
        );
        await expectInView(page, LONG);
        expectContiguous(await shownNumbers(page));
        await waitForAnnouncement(page, `Przeniesiono do wpisu nr ${LONG}`);

        await top.focus();
        await page.keyboard.press("Enter");
        await until(
          async () => (await page.evaluate(() => document.activeElement?.getAttribute("data-number"))) === "1",
          "focus on the first post",
        );
        expect((await shownNumbers(page))[0]).toBe(1);
        // Reading the top again does not move the stored position back.
        await page.waitForTimeout(2_000);
        expect(await storedReadPosition()).toBeGreaterThan(READ_UP_TO);

        // To a date: the first post written on or after that day (midnight where the reader is).
        const day = "2025-06-01";
        const midnight = await page.evaluate((value) => new Date(`${value}T00:00:00`).getTime(), day);
        const expected = 2 + Math.ceil((midnight - FIRST_AT.getTime()) / HOUR);
        await page.getByLabel("Wpisy od dnia").fill(day);
        await page.getByLabel("Wpisy od dnia").press("Enter");
        await until(
          async () =>
            (await page.evaluate(() => document.activeElement?.getAttribute("data-number"))) === String(expected),
          `focus on post ${expected}`,
        );
        await expectInView(page, expected);

        // The first unread post (as it was on opening) is one button away.
        await page.getByRole("button", { name: "Pierwszy nieprzeczytany" }).click();
        await until(
          async () =>
            (await page.evaluate(() => document.activeElement?.getAttribute("data-number"))) === String(READ_UP_TO + 1),
          "focus on the first unread post",
        );
        await expectNoAxeViolations(page);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    "looks right on a phone",
    async () => {
      const context = await newContext(browser, "phone");
      try {
        await signInByApi(context, server.url, PIOTR);
        const page = await context.newPage();
        await page.goto(`${server.url}/watki/${longThread}`);
        await page.locator("li[data-number]").first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await saveScreenshot(page, "phone-thread-reading");
        await expectNoAxeViolations(page);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
