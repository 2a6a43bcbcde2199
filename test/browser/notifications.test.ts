import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  openThreadTools,
  saveScreenshot,
  VIEWPORTS,
} from "../support/browser.js";
import { categoryIdOf, csrfTokenOf, signInByApi } from "../support/browserApi.js";
import { startTestServer } from "../support/testServer.js";
import { User } from "../../server/src/models/User.js";
import { unsubscribeToken } from "../../server/src/infra/unsubscribeTokens.js";

const ANNA = "anna.kowalska@demo.forum-jst.pl";
const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const TIMEOUT = 90_000;
const LIVE_TIMEOUT = 8_000;

let server: { url: string; stop(): Promise<void> };
let browser: Browser;
let threadId = "";

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "notify-browser" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedInContext(email: string, viewport: keyof typeof VIEWPORTS = "desktop"): Promise<BrowserContext> {
  const context = await newContext(browser, viewport);
  await signInByApi(context, server.url, email);
  if (!threadId) {
    const categoryId = await categoryIdOf(context, server.url, "gwd-malopolska", "dyskusje");
    const response = await context.request.get(`${server.url}/api/categories/${categoryId}/threads`);
    threadId = ((await response.json()) as { threads: { id: string }[] }).threads[0]?.id ?? "";
  }
  return context;
}

async function postAs(context: BrowserContext, body: string): Promise<string> {
  const response = await context.request.post(`${server.url}/api/threads/${threadId}/posts`, {
    data: { body, clientId: crypto.randomUUID() },
    headers: { "x-csrf-token": await csrfTokenOf(context, server.url) },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { post: { id: string } }).post.id;
}

const bell = (page: Page) => page.locator("a.bell");
const liveRegion = (page: Page) => page.locator('[role="status"][aria-live="polite"]').first();
const composer = (page: Page) => page.getByLabel("Treść odpowiedzi");

describe("the bell and the notifications page", () => {
  it(
    "counts a mention live, announces it politely, and lists it on a keyboard-usable, axe-clean page",
    async () => {
      const piotr = await signedInContext(PIOTR);
      const anna = await signedInContext(ANNA);
      const page = await piotr.newPage();
      await page.goto(server.url);
      await expect(bell(page).getAttribute("aria-label")).resolves.toBe("Powiadomienia, brak nieprzeczytanych");
      // Focus sits somewhere on purpose: a live notification must not move it.
      await page.locator("a.brand").focus();

      const postId = await postAs(anna, "Proszę o dane, @piotr.mazur.");
      await page.waitForFunction(
        () => document.querySelector("a.bell")?.getAttribute("aria-label") === "Powiadomienia, 1 nieprzeczytane",
        undefined,
        { timeout: LIVE_TIMEOUT },
      );
      await expect(bell(page).locator(".badge").textContent()).resolves.toBe("1");
      await page.waitForFunction(
        () =>
          document.querySelector('[role="status"][aria-live="polite"]')?.textContent?.includes("Nowe powiadomienie"),
        undefined,
        { timeout: LIVE_TIMEOUT },
      );
      await expect(liveRegion(page).textContent()).resolves.toContain("Anna Kowalska wspomina o Tobie");
      expect(await page.evaluate(() => document.activeElement?.className)).toContain("brand");
      await saveScreenshot(page, "desktop-bell");

      await bell(page).click();
      await page.waitForURL(/\/powiadomienia$/);
      const link = page.getByRole("link", { name: /Anna Kowalska wspomina o Tobie/ });
      await expect(link.getAttribute("href")).resolves.toBe(`/watki/${threadId}#wpis-${postId}`);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, "desktop-notifications");

      // Keyboard only: Tab reaches "mark as read" of the notification; Enter marks it.
      const markButton = page.getByRole("button", { name: /^Oznacz jako przeczytane: Anna Kowalska/ });
      for (let presses = 0; presses < 40; presses += 1) {
        await page.keyboard.press("Tab");
        if (await markButton.evaluate((element) => element === document.activeElement).catch(() => false)) break;
      }
      expect(await markButton.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.press("Enter");
      await page.waitForFunction(
        () => document.querySelector("a.bell")?.getAttribute("aria-label") === "Powiadomienia, brak nieprzeczytanych",
      );
      await markButton.waitFor({ state: "detached" });
      await page.getByText("Wszystko przeczytane").waitFor();

      await page.setViewportSize(VIEWPORTS.phone);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, "phone-notifications");

      // The mention in the post links to the card of the person who may read the thread.
      await page.goto(`${server.url}/watki/${threadId}`);
      await expect(page.locator(`#wpis-${postId} a.mention`).getAttribute("href")).resolves.toBe("/osoby/piotr.mazur");
      await page.goto(`${server.url}/osoby/anna.kowalska`);
      await page.getByRole("heading", { level: 1, name: "Anna Kowalska" }).waitFor();
      await expect(page.getByText("@anna.kowalska").count()).resolves.toBe(1);
      await expectNoAxeViolations(page);
      await piotr.close();
      await anna.close();
    },
    TIMEOUT,
  );
});

describe("the reply composer", () => {
  it(
    "suggests people after @ and inserts one by keyboard; Escape closes the list",
    async () => {
      const anna = await signedInContext(ANNA);
      const page = await anna.newPage();
      await page.goto(`${server.url}/watki/${threadId}`);
      const area = composer(page);
      await area.focus();
      await page.keyboard.type("Dziękuję, @wójc");
      const listbox = page.getByRole("listbox", { name: "Osoby, o których można wspomnieć" });
      await listbox.waitFor({ timeout: LIVE_TIMEOUT });
      await expect(listbox.getByRole("option").allTextContents()).resolves.toEqual([
        expect.stringContaining("Magdalena Wójcik"),
      ]);
      await expect(area.getAttribute("aria-activedescendant")).resolves.toBe(
        await listbox.getByRole("option").first().getAttribute("id"),
      );
      await expectNoAxeViolations(page);
      await saveScreenshot(page, "desktop-mention-autocomplete");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      await expect(area.inputValue()).resolves.toBe("Dziękuję, @magdalena.wojcik ");
      await expect(listbox.count()).resolves.toBe(0);
      expect(await area.evaluate((element) => element === document.activeElement)).toBe(true);

      await page.keyboard.type("i @piot");
      await listbox.waitFor({ timeout: LIVE_TIMEOUT });
      await page.keyboard.press("Escape");
      await expect(listbox.count()).resolves.toBe(0);
      await expect(area.inputValue()).resolves.toBe("Dziękuję, @magdalena.wojcik i @piot");

      // Someone from another group is never suggested.
      await page.keyboard.type(" @kamin");
      await page.waitForTimeout(1000);
      await expect(listbox.count()).resolves.toBe(0);

      await page.setViewportSize(VIEWPORTS.phone);
      await area.fill("");
      await area.focus();
      await page.keyboard.type("@ann");
      await listbox.waitFor({ timeout: LIVE_TIMEOUT });
      await saveScreenshot(page, "phone-mention-autocomplete");
      await anna.close();
    },
    TIMEOUT,
  );

  it(
    "quotes a selection (or, by keyboard, a whole post) into the composer with a link to the post",
    async () => {
      const anna = await signedInContext(ANNA);
      const piotr = await signedInContext(PIOTR);
      const quotedId = await postAs(piotr, "Pierwsze zdanie do cytowania. Drugie zdanie zostaje.");
      // The mention test left an unsent reply in this thread; drafts follow the person, so start clean.
      const discarded = await anna.request.delete(`${server.url}/api/drafts/thread/${threadId}`, {
        headers: { "x-csrf-token": await csrfTokenOf(anna, server.url) },
      });
      expect(discarded.ok()).toBe(true);
      const page = await anna.newPage();
      await page.goto(`${server.url}/watki/${threadId}`);
      const post = page.locator(`#wpis-${quotedId}`);
      await post.locator(".post-body p").evaluate((paragraph) => {
        const text = paragraph.firstChild as Text;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, "Pierwsze zdanie do cytowania.".length);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      });
      await post.getByRole("button", { name: /^Cytuj wpis, którego autorem jest Piotr Mazur/ }).click();
      const area = composer(page);
      await expect(area.inputValue()).resolves.toBe(
        `> [Piotr Mazur](/watki/${threadId}#wpis-${quotedId}):\n> Pierwsze zdanie do cytowania.\n\n`,
      );
      expect(await area.evaluate((element) => element === document.activeElement)).toBe(true);

      // Keyboard: focus "Cytuj" and press Enter with nothing selected: the whole post.
      await page.evaluate(() => window.getSelection()?.removeAllRanges());
      await post.getByRole("button", { name: /^Cytuj/ }).focus();
      await page.keyboard.press("Enter");
      const value = await area.inputValue();
      expect(value).toContain("> Pierwsze zdanie do cytowania. Drugie zdanie zostaje.");
      await page.waitForFunction(
        () =>
          document.querySelector('[role="status"][aria-live="polite"]')?.textContent ===
          "Wstawiono cytat do odpowiedzi",
      );

      await page.getByRole("button", { name: "Wyślij odpowiedź" }).click();
      const sent = page.locator(".post").last().locator("blockquote a");
      await sent.first().waitFor({ timeout: LIVE_TIMEOUT });
      await expect(sent.first().getAttribute("href")).resolves.toBe(`/watki/${threadId}#wpis-${quotedId}`);
      await anna.close();
      await piotr.close();
    },
    TIMEOUT,
  );
});

describe("the watch control", () => {
  it.each(["desktop", "phone"] as const)(
    "sets the thread's level by keyboard and says it is saved (%s)",
    async (viewport) => {
      const context = await signedInContext(PIOTR, viewport);
      const page = await context.newPage();
      await page.goto(`${server.url}/watki/${threadId}`);
      await page.getByLabel("Treść odpowiedzi").waitFor();
      await openThreadTools(page);
      const toggle = page.getByRole("button", { name: /^Powiadomienia o tym wątku:/ });
      await toggle.focus();
      await page.keyboard.press("Enter");
      await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
      const watching = page.getByRole("radio", { name: /^Obserwuję/ });
      await watching.focus();
      await page.keyboard.press("Space");
      await page.locator("p.status", { hasText: "Zapisano: Obserwuję" }).waitFor({ timeout: LIVE_TIMEOUT });
      expect(await watching.isChecked()).toBe(true);
      const level = await context.request.get(`${server.url}/api/threads/${threadId}/watch`);
      expect(await level.json()).toEqual({ level: "watching" });
      await expect(toggle.textContent()).resolves.toContain("Obserwuję");
      await expectNoAxeViolations(page);
      await saveScreenshot(page, `${viewport}-watch-control`);

      const categoryId = await categoryIdOf(context, server.url, "gwd-malopolska", "dyskusje");
      await page.goto(`${server.url}/kategorie/${categoryId}`);
      await page.getByRole("button", { name: /^Powiadomienia o tej kategorii:/ }).click();
      await page.getByRole("radio", { name: /^Wyciszone/ }).check();
      await page.locator("p.status", { hasText: "Zapisano: Wyciszone" }).waitFor({ timeout: LIVE_TIMEOUT });
      await expectNoAxeViolations(page);
      await saveScreenshot(page, `${viewport}-category-watch`);
      // Back to the defaults, so the next viewport starts from the same state.
      for (const path of [`categories/${categoryId}`, `threads/${threadId}`]) {
        await context.request.put(`${server.url}/api/${path}/watch`, {
          data: { level: null },
          headers: { "x-csrf-token": await csrfTokenOf(context, server.url) },
        });
      }
      await context.close();
    },
    TIMEOUT,
  );
});

describe("the unsubscribe page", () => {
  it.each(["desktop", "phone"] as const)(
    "turns mention e-mails off with one button, without signing in (%s)",
    async (viewport) => {
      await User.updateOne({ email: PIOTR }, { $set: { "consents.mentionEmails": true } });
      const piotrId = (await User.findOne({ email: PIOTR }).lean())?._id;
      if (!piotrId) throw new Error("no demo user");
      const token = await unsubscribeToken(piotrId, "mentions");
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await page.goto(`${server.url}/wypisz/${token}`);
      await page.getByRole("heading", { level: 1, name: "Wypisanie z e-maili" }).waitFor();
      await expectNoAxeViolations(page);
      await saveScreenshot(page, `${viewport}-unsubscribe`);
      // Opening the link changed nothing: only the button does.
      expect((await User.findOne({ email: PIOTR }).lean())?.consents?.mentionEmails).toBe(true);
      await page.getByRole("button", { name: "Wypisz mnie" }).click();
      await page.getByText("Gotowe: e-maile o wzmiankach są wyłączone.").waitFor({ timeout: LIVE_TIMEOUT });
      expect((await User.findOne({ email: PIOTR }).lean())?.consents?.mentionEmails).toBe(false);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, `${viewport}-unsubscribed`);

      await page.goto(`${server.url}/wypisz/${token.slice(0, -4)}abcd`);
      await page.getByText("Ten link do wypisania się jest nieprawidłowy.").waitFor();
      await context.close();
    },
    TIMEOUT,
  );
});
