import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
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

let server: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "tags-browser" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it(
  "a moderator adds a tag from the keyboard and opens the delete-or-merge choice",
  async () => {
    const context = await newContext(browser, "desktop");
    try {
      await signInByApi(context, server.url, DEMO.moderator);
      const page = await context.newPage();
      await page.goto(`${server.url}/moderacja`);
      await page.getByRole("link", { name: "Zarządzaj taksonomią tagów" }).click();
      await page.getByRole("heading", { level: 1, name: "Zarządzanie tagami" }).waitFor();

      await page.getByLabel("Nowy tag w grupie „Etap edukacyjny”").focus();
      await page.keyboard.type("Edukacja dorosłych");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await waitForAnnouncement(page, "Dodano „Edukacja dorosłych”.");
      const stages = page.getByRole("region", { name: "Etap edukacyjny" });
      await stages.getByRole("link", { name: "Edukacja dorosłych" }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("new-tag-etap-edukacyjny");

      // Moving it up keeps the keyboard on the moved row.
      await page.getByRole("button", { name: "Przesuń „Edukacja dorosłych” w górę" }).focus();
      await page.keyboard.press("Enter");
      await waitForAnnouncement(page, "„Edukacja dorosłych” jest teraz na pozycji 5.");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
        "Przesuń „Edukacja dorosłych” w górę",
      );
      await expectAccessibleAtBothWidths(page, "tags-manage");

      // Deleting a used tag asks what to do with its threads.
      await page.setViewportSize(VIEWPORTS.desktop);
      await page.getByRole("button", { name: "Usuń „Finansowanie i budżet”" }).click();
      const dialog = page.getByRole("dialog", { name: "Usuń tag „Finansowanie i budżet”" });
      await dialog.getByText(/Tag jest używany: [1-9]/).waitFor();
      await dialog.getByLabel(/Scal z innym tagiem/).check();
      await dialog.getByLabel("Tag docelowy").waitFor();
      await saveScreenshot(page, "desktop-tags-delete-dialog");
      await expectNoAxeViolations(page);
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });

      // The group page's switch for free tags, saved on change and announced.
      await page.goto(`${server.url}/grupy/gwd-malopolska`);
      const freeTags = page.getByLabel("Uczestnicy grupy mogą dodawać własne tagi spoza taksonomii");
      await freeTags.focus();
      await page.keyboard.press("Space");
      await waitForAnnouncement(page, "Wolne tagi są teraz dozwolone w tej grupie.");
      expect(await freeTags.isChecked()).toBe(true);
      await saveScreenshot(page, "desktop-group-free-tags");

      await page.goto(`${server.url}/tagi`);
      await page.getByRole("heading", { level: 1, name: "Tagi" }).waitFor();
      await page.getByRole("link", { name: "Edukacja dorosłych" }).waitFor();
      await expectAccessibleAtBothWidths(page, "tags-overview");
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);

it(
  "a member follows a tag on its page (a pressed toggle, announced); a visitor sees the page without threads",
  async () => {
    const context = await newContext(browser, "desktop");
    try {
      await signInByApi(context, server.url, DEMO.memberA);
      const page = await context.newPage();
      await page.goto(`${server.url}/tagi/monitorowanie-jakosci`);
      await page.getByRole("heading", { level: 1, name: "Monitorowanie jakości" }).waitFor();
      await page.getByRole("heading", { name: "Wątki" }).waitFor();
      const threads = page.locator("#threads-list > li");
      expect(await threads.count()).toBeGreaterThan(0);

      const follow = page.getByRole("button", { name: "Obserwuj tag „Monitorowanie jakości”" });
      expect(await follow.getAttribute("aria-pressed")).toBe("false");
      await follow.focus();
      await page.keyboard.press("Enter");
      await waitForAnnouncement(page, "Obserwujesz tag „Monitorowanie jakości”.");
      expect(await follow.getAttribute("aria-pressed")).toBe("true");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-pressed"))).toBe("true");
      await expectAccessibleAtBothWidths(page, "tags-page");

      await page.goto(`${server.url}/tagi`);
      const followed = page.getByRole("region", { name: "Obserwowane tagi" });
      await followed.getByRole("link", { name: "Monitorowanie jakości" }).waitFor();

      const visitorContext = await newContext(browser, "phone");
      try {
        const visitor = await visitorContext.newPage();
        await visitor.goto(`${server.url}/tagi/monitorowanie-jakosci`);
        await visitor.getByRole("heading", { level: 1, name: "Monitorowanie jakości" }).waitFor();
        await visitor.getByText("Wątki grup widzą zalogowani uczestnicy.").waitFor();
        expect(await visitor.getByRole("button", { name: /Obserwuj/ }).count()).toBe(0);
        await saveScreenshot(visitor, "phone-tags-page-visitor");
        await expectNoAxeViolations(visitor);
      } finally {
        await visitorContext.close();
      }
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);
