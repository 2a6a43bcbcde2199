import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { Event } from "../../server/src/models/Event.js";
import {
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  openThreadTools,
  saveScreenshot,
  waitForAnnouncement,
} from "../support/browser.js";
import { categoryIdOf, csrfTokenOf, signInByApi } from "../support/browserApi.js";
import { DEMO } from "../support/http.js";
import { startTestServer } from "../support/testServer.js";

const JOURNEY_TIMEOUT = 120_000;
const LIVE_TIMEOUT = 10_000;
const GROUP_SLUG = "gwd-malopolska";

let server: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "restructure-ui" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A thread with `replies` more posts, written by the context's user through the API. */
async function threadByApi(context: BrowserContext, title: string, replies: string[] = []): Promise<string> {
  const headers = { "x-csrf-token": await csrfTokenOf(context, server.url) };
  const category = await categoryIdOf(context, server.url, GROUP_SLUG, "dyskusje");
  const started = await context.request.post(`${server.url}/api/categories/${category}/threads`, {
    data: { title, body: `Początek wątku „${title}”.`, clientId: crypto.randomUUID() },
    headers,
  });
  expect(started.status()).toBe(201);
  const threadId = ((await started.json()) as { thread: { id: string } }).thread.id;
  for (const body of replies) {
    const reply = await context.request.post(`${server.url}/api/threads/${threadId}/posts`, {
      data: { body, clientId: crypto.randomUUID() },
      headers,
    });
    expect(reply.status()).toBe(201);
  }
  return threadId;
}

/** Opens a thread and waits until the page follows it live (its thread.join was answered). */
async function openThread(page: Page, threadId: string): Promise<void> {
  const joined = new Promise<void>((resolve) => {
    page.on("websocket", (socket) =>
      socket.on("framereceived", ({ payload }) => {
        if (typeof payload === "string" && /^43\d*\[\{"ok":true/.test(payload)) resolve();
      }),
    );
  });
  await page.goto(`${server.url}/watki/${threadId}`);
  await page.locator("article.post").first().waitFor();
  await joined;
}

const status = (page: Page, text: string) => waitForAnnouncement(page, text, LIVE_TIMEOUT);

async function contexts() {
  const moderatorContext = await newContext(browser, "desktop");
  const annaContext = await newContext(browser, "phone");
  await signInByApi(moderatorContext, server.url, DEMO.moderator);
  await signInByApi(annaContext, server.url, DEMO.memberA);
  return { moderatorContext, annaContext };
}

it(
  "a moderator moves a thread; the member who has it open sees its new place live",
  async () => {
    const { moderatorContext, annaContext } = await contexts();
    try {
      const threadId = await threadByApi(annaContext, "Wątek do przeniesienia w przeglądarce");
      const funding = await categoryIdOf(moderatorContext, server.url, GROUP_SLUG, "finansowanie");
      const anna = await annaContext.newPage();
      await openThread(anna, threadId);
      await anna.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
      const moderator = await moderatorContext.newPage();
      await openThread(moderator, threadId);

      // Members get no tools.
      expect(await anna.getByRole("button", { name: "Przenieś wątek" }).count()).toBe(0);
      await moderator.getByRole("button", { name: "Przenieś wątek" }).click();
      const dialog = moderator.getByRole("dialog", { name: "Przenieś wątek" });
      const picker = dialog.getByLabel("Kategoria docelowa");
      await picker.locator(`option[value="${funding}"]`).waitFor({ state: "attached" });
      expect(await moderator.evaluate(() => document.activeElement?.id)).toBe("move-category");
      await expectNoAxeViolations(moderator);
      await saveScreenshot(moderator, "desktop-thread-move-dialog");
      // Nothing chosen: the error is shown and tied to the field.
      await dialog.getByRole("button", { name: "Przenieś", exact: true }).click();
      await dialog.getByText("Wybierz kategorię.").first().waitFor();
      await picker.selectOption(funding);
      await dialog.getByRole("button", { name: "Przenieś", exact: true }).click();

      const breadcrumbs = anna.getByRole("navigation", { name: "Ścieżka nawigacji" });
      await breadcrumbs.getByRole("link", { name: "Finansowanie oświaty" }).waitFor({ timeout: LIVE_TIMEOUT });
      await status(anna, "Wątek przeniesiono do kategorii „Finansowanie oświaty”");
      expect(await anna.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      await moderator
        .getByRole("navigation", { name: "Ścieżka nawigacji" })
        .getByRole("link", { name: "Finansowanie oświaty" })
        .waitFor();

      const event = await Event.findOne({ name: "threads.move", subjectId: threadId }).lean();
      expect(event?.data).toMatchObject({ after: { categoryId: funding } });
      expect((event?.data as { before: { categoryId: string } }).before.categoryId).not.toBe(funding);
    } finally {
      await moderatorContext.close();
      await annaContext.close();
    }
  },
  JOURNEY_TIMEOUT,
);

it(
  "a moderator merges two threads; the old address and the open page lead to the target",
  async () => {
    const { moderatorContext, annaContext } = await contexts();
    try {
      const source = await threadByApi(annaContext, "Wątek scalany w przeglądarce", ["Odpowiedź w scalanym"]);
      const target = await threadByApi(annaContext, "Wątek docelowy w przeglądarce", ["Odpowiedź w docelowym"]);
      const anna = await annaContext.newPage();
      await openThread(anna, source);
      const moderator = await moderatorContext.newPage();
      await openThread(moderator, source);

      await moderator.getByRole("button", { name: "Scal z innym wątkiem" }).click();
      const dialog = moderator.getByRole("dialog", { name: "Scal z innym wątkiem" });
      await dialog.getByLabel("Wątek docelowy").fill("nie-ma-takiego");
      await dialog.getByRole("button", { name: "Scal" }).click();
      await dialog.getByText("To nie jest link do wątku ani jego identyfikator.").first().waitFor();
      await expectNoAxeViolations(moderator);
      await dialog.getByLabel("Wątek docelowy").fill(`${server.url}/watki/${target}`);
      await dialog.getByRole("button", { name: "Scal" }).click();
      await moderator.waitForURL(`**/watki/${target}`);

      await anna.waitForURL(`**/watki/${target}`, { timeout: LIVE_TIMEOUT });
      await anna.getByRole("heading", { name: "Wątek docelowy w przeglądarce", level: 1 }).waitFor();
      await anna.locator("article.post", { hasText: "Odpowiedź w scalanym" }).waitFor();

      const later = await annaContext.newPage();
      await later.goto(`${server.url}/watki/${source}`);
      await later.waitForURL(`**/watki/${target}`);
      await later.getByRole("heading", { name: "Wątek docelowy w przeglądarce", level: 1 }).waitFor();
      expect(await later.locator("article.post").count()).toBe(4);

      const event = await Event.findOne({ name: "threads.merge", subjectId: source }).lean();
      expect(event?.data).toMatchObject({ before: { threadId: source }, after: { threadId: target, postCount: 4 } });
    } finally {
      await moderatorContext.close();
      await annaContext.close();
    }
  },
  JOURNEY_TIMEOUT,
);

it(
  "a moderator on a phone selects posts with the keyboard and moves them into a new thread",
  async () => {
    const moderatorContext = await newContext(browser, "phone");
    const annaContext = await newContext(browser, "desktop");
    try {
      await signInByApi(moderatorContext, server.url, DEMO.moderator);
      await signInByApi(annaContext, server.url, DEMO.memberA);
      const source = await threadByApi(annaContext, "Wątek dzielony w przeglądarce", [
        "Na temat wątku",
        "Dygresja o boiskach",
        "Dalej na temat",
      ]);
      const funding = await categoryIdOf(moderatorContext, server.url, GROUP_SLUG, "finansowanie");
      const anna = await annaContext.newPage();
      await openThread(anna, source);
      const moderator = await moderatorContext.newPage();
      await openThread(moderator, source);
      await openThreadTools(moderator);

      await moderator.getByRole("button", { name: "Zaznacz wpisy do przeniesienia" }).click();
      const box = moderator.getByRole("checkbox", { name: "Zaznacz wpis nr 3" });
      await box.focus();
      await moderator.keyboard.press("Space");
      expect(await box.isChecked()).toBe(true);
      await moderator.getByText("Zaznaczono 1 wpis").waitFor();
      await saveScreenshot(moderator, "phone-thread-select-posts");
      await expectNoAxeViolations(moderator);

      await moderator.getByRole("button", { name: "Przenieś zaznaczone" }).click();
      const dialog = moderator.getByRole("dialog", { name: "Przenieś zaznaczone wpisy" });
      await dialog.getByLabel("Tytuł nowego wątku").fill("Boiska szkolne — wydzielony wątek");
      await dialog
        .getByLabel("Kategoria docelowa")
        .locator(`option[value="${funding}"]`)
        .waitFor({ state: "attached" });
      await dialog.getByLabel("Kategoria docelowa").selectOption(funding);
      await expectNoAxeViolations(moderator);
      await saveScreenshot(moderator, "phone-thread-split-dialog");
      await dialog.getByRole("button", { name: "Przenieś wpisy" }).click();
      await status(moderator, "Przeniesiono wpisy do wątku.");

      // Anna's open page loses the post, announced; the new thread holds it as #1.
      await anna
        .locator("article.post", { hasText: "Dygresja o boiskach" })
        .waitFor({ state: "detached", timeout: LIVE_TIMEOUT });
      await status(anna, "Moderator przeniósł 1 wpis do innego wątku.");
      expect(await anna.locator("article.post").count()).toBe(3);
      await moderator.getByRole("link", { name: "Otwórz wątek docelowy" }).click();
      await moderator.getByRole("heading", { name: "Boiska szkolne — wydzielony wątek", level: 1 }).waitFor();
      await moderator.locator("article.post", { hasText: "Dygresja o boiskach" }).waitFor();
      // The note about the split belongs to the thread it was made on.
      expect(await moderator.getByRole("link", { name: "Otwórz wątek docelowy" }).count()).toBe(0);
      await saveScreenshot(moderator, "phone-thread-split-target");

      const event = await Event.findOne({ name: "threads.split", subjectId: source }).lean();
      expect(event?.data).toMatchObject({
        before: { threadId: source },
        after: { created: true, categoryId: funding },
      });
    } finally {
      await moderatorContext.close();
      await annaContext.close();
    }
  },
  JOURNEY_TIMEOUT,
);
