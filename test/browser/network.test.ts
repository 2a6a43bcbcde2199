import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import type { NetworkMap, NetworkOverview } from "@forum/shared";
import { expectAccessibleAtBothWidths, launchBrowser, newContext, waitForAnnouncement } from "../support/browser.js";
import { signInByApi } from "../support/browserApi.js";
import { startTestServer } from "../support/testServer.js";

const JOURNEY_TIMEOUT = 150_000;

let server: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "network-browser" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it(
  "a visitor sees the totals and the map, reaches a voivodeship by keyboard and lands on its filtered view",
  async () => {
    const [overview, map] = await Promise.all([
      fetch(`${server.url}/api/network`).then((response) => response.json() as Promise<NetworkOverview>),
      fetch(`${server.url}/api/network/map`).then((response) => response.json() as Promise<NetworkMap>),
    ]);
    const context = await newContext(browser, "desktop");
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/siec`);
      await page.getByRole("heading", { level: 1, name: "Sieć Współpracy Samorządowych Liderów Oświaty" }).waitFor();
      const totals = page.getByTestId("network-totals");
      expect(await totals.locator('[data-stat="jsts"] dd').textContent()).toBe(String(overview.stats.jsts));
      expect(await totals.locator('[data-stat="groups"] dd').textContent()).toBe(String(overview.stats.groups));
      expect(await totals.locator('[data-stat="sessions"] dd').textContent()).toBe(String(overview.stats.sessions));

      const regions = page.getByTestId("poland-map").locator("a.region");
      expect(await regions.count()).toBe(16);
      const malopolska = map.regions.find((region) => region.code === "12")!;
      expect(await page.getByTestId("poland-map").locator('a[data-code="12"]').getAttribute("aria-label")).toMatch(
        new RegExp(`^małopolskie: ${malopolska.jsts} JST, ${malopolska.practices} dobr`),
      );
      // The table says the same in words.
      const row = page.getByRole("row", { name: /^małopolskie/ });
      expect(await row.getByRole("cell").first().textContent()).toBe(String(malopolska.jsts));
      // Visitors get no directory links (the directory needs signing in).
      expect(await page.getByRole("link", { name: /^Liderzy z województwa/ }).count()).toBe(0);
      expect(await page.getByRole("heading", { name: "Przestrzeń sieci" }).count()).toBe(0);

      await expectAccessibleAtBothWidths(page, "network");

      // Keyboard only: Tab from the totals into the map; the first region takes focus visibly and Enter follows it.
      await page.getByRole("heading", { name: "Mapa sieci" }).click();
      let focused = "";
      for (let step = 0; step < 10 && !focused; step++) {
        await page.keyboard.press("Tab");
        focused = await page.evaluate(() => document.activeElement?.getAttribute("data-code") ?? "");
      }
      expect(focused).toBe(map.regions[0]!.code);
      const outline = await page.evaluate(() => {
        const path = document.activeElement?.querySelector("path");
        return path ? getComputedStyle(path).strokeWidth : "";
      });
      expect(outline).toBe("5px");
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname === "/biblioteka" && url.searchParams.get("wojewodztwo") === focused);
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);

it(
  "a member sees the network space and filters the leaders' directory, the count read out politely",
  async () => {
    const context = await newContext(browser, "desktop");
    try {
      await signInByApi(context, server.url, "marek.kaminski@demo.forum-jst.pl");
      const page = await context.newPage();
      await page.goto(`${server.url}/siec`);
      await page.getByRole("heading", { name: "Przestrzeń sieci" }).waitFor();
      await page.getByRole("link", { name: "Liderzy z województwa małopolskie" }).waitFor();
      await page.getByRole("link", { name: "Katalog liderów" }).click();

      await page.getByRole("heading", { level: 1, name: "Katalog liderów" }).waitFor();
      const cards = page.locator("article.leader");
      await cards.first().waitFor();
      const everyone = await cards.count();
      expect(everyone).toBeGreaterThanOrEqual(4);
      expect(await page.getByRole("link", { name: "Piotr Mazur" }).count()).toBe(0);

      await page.getByLabel("Województwo").selectOption({ label: "małopolskie" });
      await page.getByLabel("Obszar wiedzy").selectOption("finansowanie-i-budzet");
      await page.getByLabel("Imię i nazwisko, JST lub stanowisko").fill("naczelniczka");
      await page.getByLabel("Imię i nazwisko, JST lub stanowisko").press("Enter");
      await waitForAnnouncement(page, "Znaleziono 1 osobę.");
      await page.waitForURL((url) => url.searchParams.get("wojewodztwo") === "12");
      expect(new URL(page.url()).searchParams.get("tag")).toBe("finansowanie-i-budzet");
      expect(await cards.count()).toBe(1);
      const anna = cards.first();
      await anna.getByRole("link", { name: "Anna Kowalska" }).waitFor();
      expect(await anna.textContent()).toContain("Finansowanie i budżet");
      expect(await anna.textContent()).toContain("GWD Małopolska");
      // Focus stays in the form: the result is announced, not jumped to.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("leaders-q");

      await expectAccessibleAtBothWidths(page, "leaders");

      // The filtered view survives a reload (the filters live in the address).
      await page.reload();
      await cards.first().waitFor();
      expect(await cards.count()).toBe(1);
      await page.getByRole("button", { name: "Wyczyść filtry" }).click();
      await waitForAnnouncement(page, `Znaleziono ${everyone} `);
      expect(await cards.count()).toBe(everyone);
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);
