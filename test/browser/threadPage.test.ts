import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  expectAccessibleAtBothWidths,
  launchBrowser,
  newContext,
  saveScreenshot,
  waitForAnnouncement,
} from "../support/browser.js";
import { categoryIdOf, csrfTokenOf, signInByApi } from "../support/browserApi.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

// The thread page as a reader and a writer meet it: where things are, what the keyboard reaches,
// and what changes while it is open.
const ANNA = "anna.kowalska@demo.forum-jst.pl";
const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const TIMEOUT = 120_000;
const LONG_TEXT =
  "Od roku organizujemy spotkania z dyrektorami po ogłoszeniu wyników egzaminów. Na początku było nerwowo, " +
  "dyrektorzy traktowali to jak rozliczanie. Zmieniliśmy formułę: zaczynamy od tego, co się udało, a dopiero " +
  "potem patrzymy na obszary do poprawy. Czy ktoś ma podobne doświadczenia?";

let server: TestServer;
let browser: Browser;
let categoryId = "";

async function post(context: BrowserContext, path: string, data: Record<string, unknown>): Promise<unknown> {
  const response = await context.request.post(`${server.url}/api${path}`, {
    data: { ...data, clientId: crypto.randomUUID() },
    headers: { "x-csrf-token": await csrfTokenOf(context, server.url) },
  });
  expect(response.status()).toBe(201);
  return response.json();
}

/** A thread of `posts` posts, each a few lines long, with tags like the demo's. */
async function sixPostThread(context: BrowserContext, title: string, posts = 6): Promise<string> {
  const { thread } = (await post(context, `/categories/${categoryId}/threads`, {
    title,
    body: LONG_TEXT,
    tags: ["diagnoza-lokalnej-oswiaty", "kompetencje-cyfrowe", "wspolpraca-z-dyrektorami"],
  })) as { thread: { id: string } };
  for (let number = 2; number <= posts; number += 1)
    await post(context, `/threads/${thread.id}/posts`, { body: LONG_TEXT });
  return thread.id;
}

async function signedIn(
  viewport: "desktop" | "phone",
  email: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, viewport);
  await signInByApi(context, server.url, email);
  return { context, page: await context.newPage() };
}

const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return "";
    return (
      (element.id && document.querySelector(`label[for="${element.id}"]`)?.textContent) || element.textContent || ""
    );
  });

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "thread-page" });
  browser = await launchBrowser();
  const anna = await newContext(browser, "desktop");
  await signInByApi(anna, server.url, ANNA);
  categoryId = await categoryIdOf(anna, server.url, "gwd-malopolska", "dyskusje");
  await anna.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it(
  "starts the first post near the top of a 360 × 740 phone, the thread's tools folded under one button",
  async () => {
    const { context, page } = await signedIn("phone", ANNA);
    try {
      const threadId = await sixPostThread(context, "Jak rozmawiać z dyrektorami o wynikach egzaminów?", 2);
      await page.goto(`${server.url}/watki/${threadId}`);
      const first = page.locator('li[data-number="1"]');
      await first.waitFor();
      const box = await first.boundingBox();
      expect(box?.y).toBeLessThanOrEqual(370);
      // The tools are one press away, and keyboard-usable.
      const tools = page.getByRole("button", { name: "Narzędzia wątku" });
      expect(await tools.getAttribute("aria-expanded")).toBe("false");
      await tools.click();
      await page.getByRole("button", { name: "Początek wątku" }).waitFor();
      await expectAccessibleAtBothWidths(page, "thread-page");
    } finally {
      await context.close();
    }
  },
  TIMEOUT,
);

it(
  "reaches the reply box in a six-post thread by a skip link, and by R outside text fields",
  async () => {
    const { context, page } = await signedIn("desktop", ANNA);
    try {
      const threadId = await sixPostThread(context, "Sześć wpisów i pole odpowiedzi");
      await page.goto(`${server.url}/watki/${threadId}`);
      await page.locator('li[data-number="6"]').waitFor();
      await page.getByRole("link", { name: "Przejdź do odpowiedzi" }).waitFor({ state: "attached" });
      // From the page's first stop (home.test checks Tab reaches it first): skip to the content, and the
      // first stop in it leads to the reply box.
      await page.locator(".skip-link").focus();
      expect(await focusedLabel(page)).toBe("Przejdź do treści");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      expect(await focusedLabel(page)).toBe("Przejdź do odpowiedzi");
      expect(await page.getByRole("link", { name: "Przejdź do odpowiedzi" }).isVisible()).toBe(true);
      await page.keyboard.press("Enter");
      expect(await focusedLabel(page)).toBe("Treść odpowiedzi");
      // Typing R in the box types it.
      await page.keyboard.type("Racja");
      expect(await page.getByLabel("Treść odpowiedzi").inputValue()).toBe("Racja");

      // From anywhere else on the page, R goes to the box.
      await page.locator('li[data-number="2"]').focus();
      await page.keyboard.press("r");
      expect(await focusedLabel(page)).toBe("Treść odpowiedzi");
      expect(await page.getByLabel("Treść odpowiedzi").inputValue()).toBe("Racja");
      expect(await page.getByLabel("Treść odpowiedzi").getAttribute("aria-keyshortcuts")).toBe("R");
    } finally {
      await context.close();
    }
  },
  TIMEOUT,
);

it(
  "counts one's own and live replies, and offers the new ones below with a polite button",
  async () => {
    const anna = await signedIn("phone", ANNA);
    const piotr = await newContext(browser, "desktop");
    try {
      await signInByApi(piotr, server.url, PIOTR);
      const threadId = await sixPostThread(anna.context, "Licznik wpisów i nowe odpowiedzi", 4);
      const page = anna.page;
      await page.goto(`${server.url}/watki/${threadId}`);
      await page.locator('li[data-number="4"]').waitFor();
      const count = page.locator(".thread-bar .meta");
      expect(await count.innerText()).toBe("4 wpisy");

      // Her own reply counts at once.
      await page.getByLabel("Treść odpowiedzi").fill("Dziękuję za wszystkie odpowiedzi.");
      await page.getByRole("button", { name: "Wyślij odpowiedź" }).click();
      await page.locator('li[data-number="5"]').waitFor();
      expect(await count.innerText()).toBe("5 wpisów");

      // Reading the top of the thread when two replies come live: counted, offered, announced, not forced.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator('li[data-number="1"]').focus();
      await post(piotr, `/threads/${threadId}/posts`, { body: "U nas podobnie, po roku jest lepiej." });
      await post(piotr, `/threads/${threadId}/posts`, { body: "I jeszcze jedno: warto zaprosić rodziców." });
      await page.locator('li[data-number="7"]').waitFor({ state: "attached" });
      const pill = page.getByRole("button", { name: /^Nowe odpowiedzi \(2\)/ });
      await pill.waitFor();
      expect(await count.innerText()).toBe("7 wpisów");
      await waitForAnnouncement(page, "2 nowe odpowiedzi poniżej");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("data-number"))).toBe("1");
      await saveScreenshot(page, "phone-thread-new-replies");

      await pill.click();
      await page.waitForFunction(() => document.activeElement?.getAttribute("data-number") === "6");
      const sixth = await page.locator('li[data-number="6"]').boundingBox();
      expect(sixth?.y).toBeLessThan(200);
      await pill.waitFor({ state: "detached" });
    } finally {
      await anna.context.close();
      await piotr.close();
    }
  },
  TIMEOUT,
);
