import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import type { LibraryView } from "@forum/shared";
import { Practice } from "../../server/src/models/Practice.js";
import { User } from "../../server/src/models/User.js";
import {
  expectAccessibleAtBothWidths,
  launchBrowser,
  newContext,
  saveScreenshot,
  waitForAnnouncement,
} from "../support/browser.js";
import { signInByApi } from "../support/browserApi.js";
import { DEMO } from "../support/http.js";
import { startTestServer } from "../support/testServer.js";

const JOURNEY_TIMEOUT = 180_000;
const PUBLIC_PRACTICE = "Mapa potrzeb edukacyjnych Krakowa";
const NETWORK_PRACTICE = "Koalicja dla szkół w gminie wiejskiej";
const PUBLIC_ANALYSIS = "Finansowanie oświaty w gminach wiejskich";

let server: { url: string; stop(): Promise<void> };
let browser: Browser;
let publicPracticeId = "";

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "library-browser" });
  browser = await launchBrowser();
  // Practices are written elsewhere in the forum; the library lists what is published.
  const author = await User.findOne({ email: DEMO.memberA }).lean();
  const [publicPractice] = await Practice.create([
    {
      title: PUBLIC_PRACTICE,
      summary: "Wspólna diagnoza potrzeb szkół z dyrektorami.",
      authorId: author?._id,
      status: "published",
      isPublic: true,
      publishedAt: new Date(),
      voivodeshipCodes: ["28"],
      jstTypes: ["miasto_na_prawach_powiatu"],
      tags: ["diagnoza-lokalnej-oswiaty"],
    },
    {
      title: NETWORK_PRACTICE,
      summary: "Tylko dla sieci.",
      authorId: author?._id,
      status: "published",
      publishedAt: new Date(),
      voivodeshipCodes: ["30"],
      jstTypes: ["gmina_wiejska"],
    },
  ]);
  publicPracticeId = publicPractice?._id.toString() ?? "";
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const cardTitles = (page: Page) => page.locator(".library-card h3").allTextContents();

it(
  "a visitor browses the public library, filters it by voivodeship (back undoes the filter) and opens a public practice and analysis",
  async () => {
    const context = await newContext(browser, "desktop");
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/biblioteka`);
      await page.getByRole("heading", { level: 1, name: "Biblioteka" }).waitFor();
      const titles = (await cardTitles(page)).map((title) => title.trim());
      expect(titles).toEqual(expect.arrayContaining([PUBLIC_PRACTICE, PUBLIC_ANALYSIS]));
      expect(titles).not.toContain(NETWORK_PRACTICE);
      expect(titles).not.toContain("Monitorowanie jakości kształcenia w JST");
      await expect(page.getByRole("link", { name: "Nowa analiza" }).count()).resolves.toBe(0);
      await expectAccessibleAtBothWidths(page, "library-visitor");

      await page.getByLabel("Województwo").selectOption("28");
      await page.getByRole("button", { name: "Pokaż" }).click();
      await page.waitForURL(/wojewodztwo=28/);
      await waitForAnnouncement(page, "Znaleziono: 1 materiał.");
      expect((await cardTitles(page)).map((title) => title.trim())).toEqual([PUBLIC_PRACTICE]);
      await expect(page.getByRole("heading", { level: 2, name: "1 materiał" }).count()).resolves.toBe(1);

      await page.goBack();
      await page.waitForURL((url) => !url.search.includes("wojewodztwo"));
      await page.locator(".library-card h3", { hasText: PUBLIC_ANALYSIS }).waitFor();
      await expect(page.getByLabel("Województwo").inputValue()).resolves.toBe("");

      await page.getByRole("link", { name: PUBLIC_PRACTICE }).click();
      await page.waitForURL(new RegExp(`/praktyki/${publicPracticeId}$`));
      await page.goBack();
      await page.getByRole("link", { name: PUBLIC_ANALYSIS }).click();
      await page.getByRole("heading", { level: 1, name: PUBLIC_ANALYSIS }).waitFor();
      const toc = page.getByRole("navigation", { name: "Spis treści" });
      await expect(toc.getByRole("link").count()).resolves.toBe(4);
      await expect(page.getByRole("link", { name: "Zaloguj się, aby komentować." }).count()).resolves.toBe(0);
      await expect(page.getByRole("button", { name: "Dodaj komentarz" }).count()).resolves.toBe(0);
      await expectAccessibleAtBothWidths(page, "analysis-visitor");

      // Printed or saved as PDF: the document alone, without the site's header, tools and comments.
      await page.emulateMedia({ media: "print" });
      await expect(page.locator(".site-header").isVisible()).resolves.toBe(false);
      await expect(page.getByRole("button", { name: "Drukuj lub zapisz jako PDF" }).isVisible()).resolves.toBe(false);
      await expect(page.locator("details.comments").first().isVisible()).resolves.toBe(false);
      await expect(page.getByRole("heading", { level: 1, name: PUBLIC_ANALYSIS }).isVisible()).resolves.toBe(true);
      await saveScreenshot(page, "print-analysis");
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);

it(
  "a member comments on a section with the keyboard only; the comment is announced and counted",
  async () => {
    const context = await newContext(browser, "desktop");
    try {
      await signInByApi(context, server.url, DEMO.memberA);
      const library = (await (
        await context.request.get(`${server.url}/api/library?kind=analysis`)
      ).json()) as LibraryView;
      const analysis = library.items.find((item) => item.title === PUBLIC_ANALYSIS);
      const page = await context.newPage();
      await page.goto(`${server.url}/analizy/${analysis?.id}`);
      await page.getByRole("heading", { level: 1, name: PUBLIC_ANALYSIS }).waitFor();

      const firstSection = page.locator("section.section").first();
      const summary = firstSection.locator("summary");
      await expect(summary.textContent()).resolves.toBe("Komentarze (0)");
      await summary.focus();
      await page.keyboard.press("Enter");
      await firstSection.getByText("Nikt jeszcze nie skomentował tej sekcji.").waitFor();
      await page.keyboard.press("Tab");
      const field = firstSection.getByLabel(/Twój komentarz do sekcji/);
      await expect(field.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
      await page.keyboard.type("Luka finansowa u nas wynosi **30%**.");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await waitForAnnouncement(page, "Dodano komentarz do sekcji „Skąd bierze się luka finansowa”.");
      await firstSection.locator(".comment strong", { hasText: "30%" }).waitFor();
      await expect(summary.textContent()).resolves.toBe("Komentarze (1)");
      await expect(field.inputValue()).resolves.toBe("");
      await expectAccessibleAtBothWidths(page, "analysis-member-comment");

      // The library shows members the network's items too, and no "Nowa analiza" for a member.
      await page.goto(`${server.url}/biblioteka`);
      await page.locator(".library-card h3", { hasText: NETWORK_PRACTICE }).waitFor();
      await expect(page.getByRole("link", { name: "Nowa analiza" }).count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);

it(
  "an expert starts an analysis from the library and reorders its sections with buttons, keeping what was typed",
  async () => {
    const context = await newContext(browser, "desktop");
    try {
      await signInByApi(context, server.url, DEMO.expert);
      const page = await context.newPage();
      await page.goto(`${server.url}/biblioteka`);
      await page.getByRole("link", { name: "Nowa analiza" }).click();
      await page.getByRole("heading", { level: 1, name: "Nowa analiza tematyczna" }).waitFor();
      await page.getByLabel("Tytuł").fill("Dowożenie uczniów");
      await page.getByLabel("Nagłówek sekcji 1").fill("Koszty");
      await page.getByRole("button", { name: "Dodaj sekcję" }).click();
      await page.getByLabel("Nagłówek sekcji 2").fill("Organizacja");
      await page.getByLabel("Treść sekcji 2 (markdown)").fill("Trasy i opiekunowie.");
      await page.getByRole("button", { name: /Przesuń sekcję 2 wyżej/ }).click();
      await waitForAnnouncement(page, "Sekcja przeniesiona na pozycję 1.");
      await expect(page.getByLabel("Nagłówek sekcji 1").inputValue()).resolves.toBe("Organizacja");
      // Focus follows the moved section.
      await expect(page.evaluate(() => document.activeElement?.textContent ?? "")).resolves.toMatch(/sekcję 1 niżej/);
      await expectAccessibleAtBothWidths(page, "analysis-editor");

      await page.reload();
      await page.getByText("Przywrócono niezapisany szkic z tej przeglądarki.").waitFor();
      await expect(page.getByLabel("Nagłówek sekcji 1").inputValue()).resolves.toBe("Organizacja");
      await expect(page.getByLabel("Treść sekcji 1 (markdown)").inputValue()).resolves.toBe("Trasy i opiekunowie.");

      await page.getByRole("button", { name: "Zapisz" }).click();
      await page.getByRole("heading", { level: 1, name: "Dowożenie uczniów" }).waitFor();
      await expect(
        page.getByRole("navigation", { name: "Spis treści" }).getByRole("link").allTextContents(),
      ).resolves.toEqual(["Organizacja", "Koszty"]);
      await expect(page.getByRole("button", { name: "Opublikuj", exact: true }).count()).resolves.toBe(1);
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);
