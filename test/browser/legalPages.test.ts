import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { expectAccessibleAtBothWidths, launchBrowser, newContext, waitForAnnouncement } from "../support/browser.js";
import { signInByApi } from "../support/browserApi.js";
import { DEMO } from "../support/http.js";
import { startTestServer } from "../support/testServer.js";

const JOURNEY_TIMEOUT = 150_000;

let server: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "legal-browser" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Presses Tab until `isTarget` (run in the page) says the focused element is the one wanted: keyboard-only use. */
async function tabTo(page: Page, isTarget: () => boolean, limit = 40): Promise<void> {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(isTarget)) return;
  }
  throw new Error("the element never took focus by Tab");
}

it(
  "a visitor reaches both legal pages from the footer; they are accessible at 1280 and 360 px",
  async () => {
    const context = await newContext(browser, "desktop");
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      const footer = page.locator("footer").getByRole("navigation", { name: "Informacje o serwisie" });
      await footer.getByRole("link", { name: "Polityka prywatności" }).click();
      await page.getByRole("heading", { level: 1, name: "Polityka prywatności" }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Twoje prawa" }).waitFor();
      expect(await page.getByRole("link", { name: "swoim profilu" }).first().getAttribute("href")).toBe("/profil");
      await expectAccessibleAtBothWidths(page, "privacy");

      await footer.getByRole("link", { name: "Deklaracja dostępności" }).click();
      await page.getByRole("heading", { level: 1, name: "Deklaracja dostępności" }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Procedura wnioskowo-skargowa" }).waitFor();
      // Visitors get no edit link.
      expect(await page.getByRole("link", { name: "Edytuj tę stronę" }).count()).toBe(0);
      await expectAccessibleAtBothWidths(page, "accessibility");
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);

it(
  "an admin edits the accessibility statement by keyboard; unsaved text survives a reload; the public page shows it",
  async () => {
    const context = await newContext(browser, "desktop");
    try {
      await signInByApi(context, server.url, DEMO.admin);
      const page = await context.newPage();
      await page.goto(`${server.url}/deklaracja-dostepnosci`);
      await page.getByRole("heading", { level: 1, name: "Deklaracja dostępności" }).waitFor();
      await tabTo(page, () => document.activeElement?.textContent === "Edytuj tę stronę");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "Edycja strony „Deklaracja dostępności”" }).waitFor();

      await tabTo(page, () => document.activeElement?.id === "page-markdown");
      await page.keyboard.press("Control+End");
      await page.keyboard.type("\n\n## Koordynator dostępności\n\nAnna Testowa, dostepnosc@zmp.example.pl");
      // Typed, not saved: a reload keeps the text and says so.
      await page.reload();
      await page.getByText("Przywrócono tekst, którego nie zapisano").waitFor();
      expect(await page.getByLabel("Treść").inputValue()).toContain("Anna Testowa");
      expect(await page.locator("#page-preview").textContent()).toContain("Anna Testowa");
      await expectAccessibleAtBothWidths(page, "accessibility-editor");

      await page.getByLabel("Treść").focus();
      await tabTo(page, () => document.activeElement?.textContent?.trim() === "Zapisz stronę");
      await page.keyboard.press("Enter");
      await waitForAnnouncement(page, "Zapisano wersję 2.");
      expect(await page.getByText("Przywrócono tekst").count()).toBe(0);

      await page.getByRole("link", { name: "Zobacz stronę" }).click();
      await page.getByRole("heading", { level: 2, name: "Koordynator dostępności" }).waitFor();
      await page.getByText("Anna Testowa, dostepnosc@zmp.example.pl").waitFor();
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);
