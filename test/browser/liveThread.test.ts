import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  saveScreenshot,
  VIEWPORTS,
  waitForAnnouncement,
} from "../support/browser.js";
import { categoryIdOf, csrfTokenOf as csrfToken, signInByApi as signIn } from "../support/browserApi.js";
import { DEMO_PASSWORD } from "../support/http.js";
import { startTestServer } from "../support/testServer.js";

// Two members of the same demo group (gwd-malopolska).
const ANNA = { email: "anna.kowalska@demo.forum-jst.pl", name: "Anna Kowalska" };
const PIOTR = { email: "piotr.mazur@demo.forum-jst.pl", name: "Piotr Mazur" };
const GROUP_SLUG = "gwd-malopolska";

// Jest reads testTimeout only from the top-level config, not from a project: set it per test.
const JOURNEY_TIMEOUT = 90_000;
/** "Within a few seconds": how long a live post may take to show up in the other browser. */
const LIVE_TIMEOUT = 5_000;
/** How long to wait for a socket frame the test expects (the join's answer, a push). */
const SOCKET_TIMEOUT = 15_000;

let server: { url: string; stop(): Promise<void> };
let browser: Browser;
/** Discussion threads members may reply to (the first category holds moderators' announcements). */
const DISCUSSION = { slug: "dyskusje", name: "Dyskusje między sesjami" };
const FUNDING = { slug: "finansowanie", name: "Finansowanie oświaty" };

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "live" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const csrfTokenOf = (context: BrowserContext) => csrfToken(context, server.url);
const signInByApi = (context: BrowserContext, email: string) => signIn(context, server.url, email);

/** The (only) thread of one of the group's categories, asked through the signed-in context. */
async function threadOf(context: BrowserContext, categorySlug: string): Promise<string> {
  const categoryId = await categoryIdOf(context, server.url, GROUP_SLUG, categorySlug);
  const response = await context.request.get(`${server.url}/api/categories/${categoryId}/threads`);
  expect(response.status()).toBe(200);
  const { threads } = (await response.json()) as { threads: Array<{ id: string }> };
  if (!threads[0]) throw new Error(`no threads in ${categorySlug}`);
  return threads[0].id;
}

/**
 * What a page's Socket.IO connection receives, whichever socket it is on (a page keeps one
 * connection across in-app navigation, so waiting for a new websocket is not enough).
 */
function watchSocket(page: Page) {
  const frames: string[] = [];
  const waiters = new Set<{ matches: (frame: string) => boolean; resolve: () => void }>();
  page.on("websocket", (socket) => {
    socket.on("framereceived", ({ payload }) => {
      if (typeof payload !== "string") return;
      frames.push(payload);
      for (const waiter of waiters) {
        if (waiter.matches(payload)) {
          waiters.delete(waiter);
          waiter.resolve();
        }
      }
    });
  });
  /** Rejects after `SOCKET_TIMEOUT` with `what`, so a missing frame fails fast and says which. */
  const next = (what: string, matches: (frame: string) => boolean) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`no ${what} within ${SOCKET_TIMEOUT / 1000} s on ${page.url()}`));
      }, SOCKET_TIMEOUT);
      const waiter = {
        matches,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      waiters.add(waiter);
    });
  return {
    /**
     * The server's next "yes" to `thread.join`, an acknowledgement frame `43<id>[{"ok":true}]`.
     * Waiting for it keeps a test from posting before the other browser is listening.
     */
    nextJoin: () => next("thread.join acknowledgement", (frame) => /^43\d*\[\{"ok":true/.test(frame)),
    /** Whether any push so far carried `text`. */
    received: (text: string) => frames.some((frame) => frame.includes(text)),
    /** The next `post.created` push whose post contains `text`. */
    nextPush: (text: string) =>
      next(`post.created push with "${text}"`, (frame) => frame.includes('"post.created"') && frame.includes(text)),
  };
}

/** Stores a reply in the thread through the API, as the context's user. */
async function postByApi(context: BrowserContext, thread: string, body: string): Promise<void> {
  const response = await context.request.post(`${server.url}/api/threads/${thread}/posts`, {
    data: { body, clientId: crypto.randomUUID() },
    headers: { "x-csrf-token": await csrfTokenOf(context) },
  });
  expect(response.status()).toBe(201);
}

/** From a thread page, through the breadcrumbs to the group, into a category and its thread. */
async function openThroughGroup(page: Page, categoryName: string, threadHref: string): Promise<void> {
  await page
    .getByRole("navigation", { name: "Ścieżka nawigacji" })
    .getByRole("link", { name: "GWD Małopolska" })
    .click();
  await page.getByRole("link", { name: categoryName }).click();
  await page.locator(`.thread h3 a[href="${threadHref}"]`).click();
  await page.waitForURL(`**${threadHref}`);
  await page.getByLabel("Treść odpowiedzi").waitFor();
}

describe.each(Object.keys(VIEWPORTS) as Array<keyof typeof VIEWPORTS>)(
  "a thread open in two browsers (%s)",
  (viewport) => {
    it(
      "shows one member's reply to the other live, announced politely, without a reload",
      async () => {
        const annaContext = await newContext(browser, "desktop");
        const piotrContext = await newContext(browser, viewport);
        try {
          await signInByApi(annaContext, ANNA.email);
          const threadId = await threadOf(annaContext, DISCUSSION.slug);
          const threadPath = `/watki/${threadId}`;

          // Piotr opens the thread signed out, is sent to the login page and brought back (?powrot=).
          const piotr = await piotrContext.newPage();
          const piotrSocket = watchSocket(piotr);
          const piotrJoined = piotrSocket.nextJoin();
          await piotr.goto(`${server.url}${threadPath}`);
          await piotr.getByRole("heading", { name: "Zaloguj się", level: 1 }).waitFor();
          expect(new URL(piotr.url()).searchParams.get("powrot")).toBe(threadPath);
          await piotr.getByLabel("Adres e-mail").fill(PIOTR.email);
          await piotr.getByLabel("Hasło").fill(DEMO_PASSWORD);
          await piotr.getByRole("button", { name: "Zaloguj się" }).click();
          const piotrReply = piotr.getByLabel("Treść odpowiedzi");
          await piotrReply.waitFor();
          expect(new URL(piotr.url()).pathname).toBe(threadPath);
          await piotrJoined;

          // Piotr is in the middle of writing his own reply when Anna's arrives.
          const piotrDraft = "Piszę właśnie swoją odpowiedź";
          await piotrReply.fill(piotrDraft);
          await piotrReply.focus();
          // Set in the page: gone if the page reloads instead of updating live.
          await piotr.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
          const postsBefore = await piotr.locator("article.post").count();

          const anna = await annaContext.newPage();
          const annaSocket = watchSocket(anna);
          const annaJoined = annaSocket.nextJoin();
          await anna.goto(`${server.url}${threadPath}`);
          const annaReply = anna.getByLabel("Treść odpowiedzi");
          await annaReply.waitFor();
          await annaJoined;

          const text = `Na żywo (${viewport}): u nas rada rodziców dostaje raport z diagnozy co kwartał.`;
          const annaGotPush = annaSocket.nextPush(text);
          await annaReply.fill(text);
          await anna.getByRole("button", { name: "Wyślij odpowiedź" }).click();

          // Piotr sees it appear and hears about it, without losing his place or his text.
          await piotr.locator("article.post", { hasText: text }).waitFor({ timeout: LIVE_TIMEOUT });
          await waitForAnnouncement(piotr, `Nowy wpis od ${ANNA.name}`, LIVE_TIMEOUT);
          expect(await piotr.locator("article.post").count()).toBe(postsBefore + 1);
          expect(await piotr.locator("article.post", { hasText: text }).locator(".name").innerText()).toBe(ANNA.name);
          expect(await piotr.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
          expect(await piotr.evaluate(() => document.activeElement?.id)).toBe(await piotrReply.getAttribute("id"));
          expect(await piotrReply.inputValue()).toBe(piotrDraft);
          await saveScreenshot(piotr, `${viewport}-thread-live-post`);
          await expectNoAxeViolations(piotr);

          // Anna's own reply reaches her twice (the POST answer and the push): it is shown once,
          // with her usual confirmation rather than a "new post" announcement.
          await waitForAnnouncement(anna, "Wpis dodany");
          await annaGotPush;
          expect(await anna.locator("article.post", { hasText: text }).count()).toBe(1);
          const annaHeard = await anna.evaluate(() => (window as { __announced?: string[] }).__announced ?? []);
          expect(annaHeard.some((said) => said.includes("Nowy wpis"))).toBe(false);
        } finally {
          await annaContext.close();
          await piotrContext.close();
        }
      },
      JOURNEY_TIMEOUT,
    );
  },
);

it(
  "follows the thread that is open: another thread opened in the app does not get the first one's posts",
  async () => {
    const annaContext = await newContext(browser, "desktop");
    const piotrContext = await newContext(browser, "desktop");
    try {
      await signInByApi(annaContext, ANNA.email);
      await signInByApi(piotrContext, PIOTR.email);
      const threadId = await threadOf(annaContext, DISCUSSION.slug);
      const otherId = await threadOf(annaContext, FUNDING.slug);
      const firstHref = `/watki/${threadId}`;
      const otherHref = `/watki/${otherId}`;

      // Piotr goes thread → group → another category → its thread inside the app (no page loads).
      const piotr = await piotrContext.newPage();
      const piotrSocket = watchSocket(piotr);
      const firstJoin = piotrSocket.nextJoin();
      await piotr.goto(`${server.url}${firstHref}`);
      await piotr.getByLabel("Treść odpowiedzi").waitFor();
      await firstJoin;
      const secondJoin = piotrSocket.nextJoin();
      await openThroughGroup(piotr, FUNDING.name, otherHref);
      await secondJoin;

      // Anna posts in the first thread: Piotr's connection left its room, so nothing arrives.
      const text = "Ten wpis należy do pierwszego wątku.";
      await postByApi(annaContext, threadId, text);
      await piotr.waitForTimeout(1_500);
      expect(piotrSocket.received(text)).toBe(false);
      expect(await piotr.locator("article.post", { hasText: text }).count()).toBe(0);

      // Back in the first thread it is there, and new posts arrive live again.
      const rejoined = piotrSocket.nextJoin();
      await openThroughGroup(piotr, DISCUSSION.name, firstHref);
      await piotr.locator("article.post", { hasText: text }).waitFor();
      await rejoined;
      const second = "Drugi wpis, już po powrocie do wątku.";
      await postByApi(annaContext, threadId, second);
      await piotr.locator("article.post", { hasText: second }).waitFor({ timeout: LIVE_TIMEOUT });
      expect(await piotr.locator("article.post", { hasText: text }).count()).toBe(1);
      expect(await piotr.locator("article.post", { hasText: second }).count()).toBe(1);
      await waitForAnnouncement(piotr, `Nowy wpis od ${ANNA.name}`);
    } finally {
      await annaContext.close();
      await piotrContext.close();
    }
  },
  JOURNEY_TIMEOUT,
);
