import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import {
  expectAccessibleAtBothWidths,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  saveScreenshot,
  VIEWPORTS,
  waitForAnnouncement,
} from "../support/browser.js";
import { signInByApi } from "../support/browserApi.js";
import { DEMO } from "../support/http.js";
import { startTestServer } from "../support/testServer.js";

const JOURNEY_TIMEOUT = 150_000;
/** A demo thread of gwd-malopolska (member A's group; member B is not in it). */
const GROUP_A_THREAD = "Jak rozmawiać z dyrektorami o wynikach egzaminów?";
/** A demo thread of gwd-wielkopolska-pomorze (member B's group). */
const GROUP_B_THREAD = "Subwencja oświatowa a realne koszty szkół — arkusz do porównań";
/** Another of gwd-wielkopolska-pomorze's, which says "dowozie" and "dowozu". */
const DOWOZ_THREAD_B = "Współpraca gmin podmiejskich z miastem w dowozie uczniów";

let server: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "search-browser" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const resultsHeading = (page: Page) => page.locator("#results-heading");
const hitTitles = (page: Page) => page.locator(".hits h3");

it(
  "a member searches from the header with the keyboard, undiacritised and inflected, filters by kind and opens a result",
  async () => {
    const context = await newContext(browser, "desktop");
    try {
      await signInByApi(context, server.url, DEMO.memberA);
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.locator("main h1").first().waitFor();

      // Keyboard only: tab from the top of the page to the header's search field.
      const field = page.getByRole("search", { name: "Szukaj na forum" }).getByLabel("Szukaj na forum");
      for (let presses = 0; presses < 10 && !(await field.evaluate((input) => input === document.activeElement));) {
        await page.keyboard.press("Tab");
        presses += 1;
      }
      expect(await field.evaluate((input) => input === document.activeElement)).toBe(true);
      // "dyrektorow": no diacritics, and not the form the thread uses ("dyrektorami", "dyrektorzy").
      await page.keyboard.type("dyrektorow");
      await page.keyboard.press("Enter");

      await page.waitForURL(/\/szukaj\?q=dyrektorow$/);
      await page.getByRole("heading", { level: 1, name: "Szukaj na forum" }).waitFor();
      await resultsHeading(page).waitFor();
      await waitForAnnouncement(page, "dla „dyrektorow”");
      const thread = page.locator(".hits article").filter({ has: page.getByRole("link", { name: GROUP_A_THREAD }) });
      await thread.first().waitFor();
      // The found words are marked, in the title and in the excerpts.
      const marked = await page.locator(".hits mark").allInnerTexts();
      expect(marked.length).toBeGreaterThan(0);
      for (const word of marked) expect(word.toLowerCase()).toMatch(/^dyrektor/);
      expect(await thread.first().locator("h3 mark").count()).toBeGreaterThan(0);
      // Only what member A may read: no thread or post from the groups she is not in (published practices, which
      // name the group they came from, belong to the whole network).
      const discussions = page.locator(".hits article").filter({ has: page.locator(".kind-thread, .kind-post") });
      const groups = await discussions.locator(".meta li").allInnerTexts();
      expect(groups.filter((text) => text.startsWith("Grupa: ") && text !== "Grupa: GWD Małopolska")).toEqual([]);
      await expectAccessibleAtBothWidths(page, "search-results", ["desktop", "phone", "narrow"]);
      await page.setViewportSize(VIEWPORTS.desktop);

      // The kind chips filter; the chosen chip keeps the focus and the address says what is shown.
      const threadsChip = page.getByRole("navigation", { name: "Rodzaj wyników" }).getByRole("link", {
        name: /^Wątki: \d+$/,
      });
      await threadsChip.focus();
      await page.keyboard.press("Enter");
      await page.waitForURL(/kind=thread/);
      await page.locator('.chips a[aria-current="true"]', { hasText: "Wątki" }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim().startsWith("Wątki"))).toBe(true);
      const badges = await page.locator(".hits .kind").allInnerTexts();
      expect(badges.length).toBeGreaterThan(0);
      for (const badge of badges) expect(badge.replace(":", "").trim().toLowerCase()).toBe("wątek");

      // Back restores the unfiltered search from the address.
      await page.goBack();
      await page.locator('.chips a[aria-current="true"]', { hasText: "Wszystko" }).waitFor();
      expect(page.url()).not.toContain("kind=");
      await page.goForward();
      await page.locator('.chips a[aria-current="true"]', { hasText: "Wątki" }).waitFor();

      // Opening a result leads to the thread.
      await page.getByRole("link", { name: GROUP_A_THREAD }).first().click();
      await page.getByRole("heading", { level: 1, name: GROUP_A_THREAD }).waitFor();
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);

it(
  "a member of another group on a phone never sees group A's threads, and sees the field errors the page and the server give",
  async () => {
    const context = await newContext(browser, "phone");
    try {
      await signInByApi(context, server.url, DEMO.memberB);
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.locator("main h1").first().waitFor();

      // On a phone the header offers a search link; the empty search page puts the cursor in its field.
      await page.getByRole("link", { name: "Szukaj na forum" }).click();
      const query = page.getByLabel("Czego szukasz?");
      await query.waitFor();
      await page.waitForFunction(() => document.activeElement?.id === "search-q");

      // Too short: the shared schema's message next to the field, which keeps the focus.
      await page.keyboard.type("d");
      await page.keyboard.press("Enter");
      await page.getByText("Wpisz co najmniej 2 znaki.").waitFor();
      expect(await query.getAttribute("aria-invalid")).toBe("true");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-q");

      // Group A's thread about head teachers is not found by a member of group B.
      await query.fill("dyrektorami");
      await page.keyboard.press("Enter");
      await page.waitForURL(/q=dyrektorami/);
      await resultsHeading(page).waitFor();
      await waitForAnnouncement(page, "dla „dyrektorami”");
      expect(await hitTitles(page).allInnerTexts()).not.toContainEqual(expect.stringContaining(GROUP_A_THREAD));
      const discussionsB = page.locator(".hits article").filter({ has: page.locator(".kind-thread, .kind-post") });
      expect((await discussionsB.allInnerTexts()).join("\n")).not.toContain("GWD Małopolska");

      // Their own group's thread is found from an inflected form ("subwencji" for "Subwencja").
      await query.fill("subwencji");
      await page.keyboard.press("Enter");
      await page.waitForURL(/q=subwencji/);
      await page.getByRole("link", { name: GROUP_B_THREAD }).waitFor();
      await saveScreenshot(page, "phone-search-member-b");
      await expectNoAxeViolations(page);

      // A typo ("dowuz" for "dowóz"): the page says what it searched for instead, and finds their group's thread.
      await query.fill("dowuz");
      await page.keyboard.press("Enter");
      await page.waitForURL(/q=dowuz/);
      await page.getByText("Pokazano wyniki dla: „dowóz”.").waitFor();
      await waitForAnnouncement(page, "Pokazano wyniki dla: „dowóz”.");
      await page.getByRole("link", { name: DOWOZ_THREAD_B }).waitFor();
      await expectNoAxeViolations(page);

      // An author the server does not know: its Polish message is shown next to the author field.
      await page.getByText("Filtry: grupa, tag, autor, data").click();
      await page.getByLabel("Autor").fill("nikt.taki");
      await page.getByRole("button", { name: "Szukaj", exact: true }).last().click();
      await page.waitForURL(/author=nikt\.taki/);
      const authorError = page.locator("#search-author-error");
      await authorError.waitFor();
      expect(await authorError.innerText()).toContain("Nieznany autor.");
      expect(await page.getByLabel("Autor").getAttribute("aria-describedby")).toContain("search-author-error");
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);

it(
  "a visitor finds public documents only, nothing of the groups",
  async () => {
    const context = await newContext(browser, "desktop");
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/szukaj?q=dyrektorow`);
      await page.getByRole("heading", { level: 1, name: "Szukaj na forum" }).waitFor();
      await resultsHeading(page).waitFor();
      // The demo's public practices mention head teachers too; threads and posts are the groups' own.
      await expect(page.locator(".hits .kind-thread, .hits .kind-post").count()).resolves.toBe(0);
      await expect(page.locator(".hits .kind-practice, .hits .kind-analysis").count()).resolves.toBeGreaterThan(0);
      await expectNoAxeViolations(page);
      await page.goto(`${server.url}/szukaj?q=basen`);
      await page.getByRole("heading", { name: "Nic nie znaleziono" }).waitFor();
      await page.getByText("Sprawdź pisownię.").waitFor();
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);
