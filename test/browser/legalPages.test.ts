import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import type { SitePageResponse } from "@forum/shared";
import {
  expectAccessibleAtBothWidths,
  launchBrowser,
  newContext,
  saveScreenshot,
  waitForAnnouncement,
} from "../support/browser.js";
import { signInByApi } from "../support/browserApi.js";
import { DEMO, signedInAgent } from "../support/http.js";
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
  "while the template's fields are unfilled, a visitor reaches both legal pages from the footer and reads that they are being prepared",
  async () => {
    const context = await newContext(browser, "desktop");
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      const footer = page.locator("footer").getByRole("navigation", { name: "Informacje o serwisie" });
      await footer.getByRole("link", { name: "Polityka prywatności" }).click();
      await page.getByRole("heading", { level: 1, name: "Polityka prywatności" }).waitFor();
      await page.getByText("Ta strona jest w przygotowaniu.").waitFor();
      // Nothing of the template ("[pełna nazwa…]" as the data controller) goes out as the forum's statement.
      expect(await page.getByRole("heading", { level: 2, name: "Twoje prawa" }).count()).toBe(0);
      expect(await page.locator("main").textContent()).not.toContain("[");
      await expectAccessibleAtBothWidths(page, "privacy-preparing");

      await page.setViewportSize({ width: 1280, height: 800 });
      await footer.getByRole("link", { name: "Deklaracja dostępności" }).click();
      await page.getByRole("heading", { level: 1, name: "Deklaracja dostępności" }).waitFor();
      await page.getByText("Ta strona jest w przygotowaniu.").waitFor();
      // Visitors get no edit link.
      expect(await page.getByRole("link", { name: "Edytuj tę stronę" }).count()).toBe(0);
      await expectAccessibleAtBothWidths(page, "accessibility-preparing");
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

it(
  "an admin sees the launch checklist on the dashboard, ticked from the real state, and the draft with its fields to fill",
  async () => {
    const context = await newContext(browser, "desktop");
    try {
      await signInByApi(context, server.url, DEMO.admin);
      const page = await context.newPage();
      await page.goto(`${server.url}/moderacja`);
      const checklist = page.getByRole("region", { name: "Przed uruchomieniem" });
      await checklist.waitFor();
      await checklist.getByText("Gotowe: 0 z 6").waitFor();
      await checklist.getByText(/Zostało \d+ pól w nawiasach kwadratowych/).waitFor();
      await checklist.getByText("Nie wykonano jeszcze kopii.", { exact: false }).waitFor();
      expect(await checklist.locator('[data-check="smtp"]').textContent()).toContain("Do zrobienia");
      await expectAccessibleAtBothWidths(page, "dashboard-launch-checklist");

      // The editor of a page still in preparation sees the draft and how much is left, with the way to the editor.
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${server.url}/polityka-prywatnosci`);
      await page.getByRole("heading", { level: 2, name: "Twoje prawa" }).waitFor();
      const notice = page.getByRole("note");
      await notice.getByText(/^Strona jest w przygotowaniu/).waitFor();
      expect(await notice.getByRole("link", { name: "Uzupełnij pola" }).getAttribute("href")).toBe(
        "/admin/strony/polityka-prywatnosci",
      );
      await expectAccessibleAtBothWidths(page, "privacy-draft-for-admin");

      // Both pages filled (through the API, as the editor saves): the checklist ticks them and visitors read them.
      const admin = await signedInAgent(server.url, DEMO.admin);
      for (const slug of ["privacy", "accessibility"]) {
        const { page: current } = (await admin.get(`/api/pages/${slug}`)).body as SitePageResponse;
        const markdown = current.markdown
          .replace(/\[adres e-mail\]/g, "dostepnosc@zmp.example.pl")
          .replace(/(?<![\]!\\])\[([^[\]\n]+)\](?![([:])/g, "uzupełnione: $1");
        await admin
          .put(`/api/pages/${slug}`)
          .send({ title: current.title, markdown, baseVersion: current.version })
          .expect(200);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${server.url}/moderacja`);
      const after = page.getByRole("region", { name: "Przed uruchomieniem" });
      await after.getByText("Gotowe: 2 z 6").waitFor();
      expect(await after.locator('[data-check="legalPages"]').textContent()).toContain("Obie strony są opublikowane.");
      expect(await after.locator('[data-check="accessibilityContact"]').textContent()).toContain("Gotowe");
      await saveScreenshot(page, "desktop-dashboard-launch-checklist-after");

      const visitor = await (await newContext(browser, "phone")).newPage();
      await visitor.goto(`${server.url}/polityka-prywatnosci`);
      await visitor.getByRole("heading", { level: 2, name: "Twoje prawa" }).waitFor();
      expect(await visitor.getByText("Ta strona jest w przygotowaniu.").count()).toBe(0);
      await visitor.context().close();
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);
