import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
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
  server = await startTestServer({ seed: true, label: "spaces-browser" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it(
  "a moderator adds, reorders and edits categories from the keyboard; members see them in the network space",
  async () => {
    const context = await newContext(browser, "desktop");
    try {
      await signInByApi(context, server.url, "katarzyna.nowak@demo.forum-jst.pl");
      const page = await context.newPage();
      await page.goto(`${server.url}/siec`);
      await page.getByRole("heading", { level: 1, name: "Sieć Współpracy Samorządowych Liderów Oświaty" }).waitFor();
      await page.getByRole("heading", { name: "Zarządzanie kategoriami" }).waitFor();

      // Add a category with the keyboard only.
      await page.getByLabel("Nazwa kategorii").last().focus();
      await page.keyboard.type("Konferencje i wydarzenia");
      await page.keyboard.press("Tab");
      await page.keyboard.type("Kalendarz wydarzeń sieci.");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await waitForAnnouncement(page, "Dodano kategorię „Konferencje i wydarzenia”.");
      const list = page.locator(".categories");
      await list.getByRole("link", { name: "Konferencje i wydarzenia" }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("new-category-name");

      // Move it up: focus stays on the moved row's button, the new place is announced.
      const up = page.getByRole("button", { name: "Przesuń „Konferencje i wydarzenia” w górę" });
      await up.focus();
      await page.keyboard.press("Enter");
      await waitForAnnouncement(page, "Kategoria „Konferencje i wydarzenia” jest teraz na miejscu 2 z 3.");
      expect(await list.getByRole("link").allTextContents()).toEqual([
        "Ogłoszenia Związku Miast Polskich",
        "Konferencje i wydarzenia",
        "Sieć liderów oświaty",
      ]);
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
        "Przesuń „Konferencje i wydarzenia” w górę",
      );

      // Edit: a too-short name is refused in place, a good one saved.
      await page.getByRole("button", { name: "Edytuj kategorię „Konferencje i wydarzenia”" }).click();
      const name = page.locator("#edit-category-name");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("edit-category-name");
      await name.fill("K");
      await page.getByRole("button", { name: "Zapisz" }).click();
      await page.getByText("Nazwa kategorii musi mieć co najmniej 3 znaki.").waitFor();
      await name.fill("Konferencje sieci");
      await page.getByRole("button", { name: "Zapisz" }).click();
      await waitForAnnouncement(page, "Zapisano kategorię „Konferencje sieci”.");
      await list.getByRole("link", { name: "Konferencje sieci" }).waitFor();
      await expectAccessibleAtBothWidths(page, "network-space-manager");

      // A member of another group sees the same network categories, without the tools.
      const member = await newContext(browser, "desktop");
      try {
        await signInByApi(member, server.url, "marek.kaminski@demo.forum-jst.pl");
        const memberPage = await member.newPage();
        await memberPage.goto(`${server.url}/`);
        await memberPage.getByRole("link", { name: "Sieć liderów", exact: true }).click();
        await memberPage.locator(".categories").getByRole("link", { name: "Konferencje sieci" }).waitFor();
        expect(await memberPage.getByRole("heading", { name: "Zarządzanie kategoriami" }).count()).toBe(0);
      } finally {
        await member.close();
      }
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);

it(
  "a member starts a tagged thread, sees it on the home page with the next sessions, and cannot post announcements",
  async () => {
    const context = await newContext(browser, "desktop");
    try {
      await signInByApi(context, server.url, "anna.kowalska@demo.forum-jst.pl");
      const page = await context.newPage();
      await page.goto(`${server.url}/grupy/gwd-malopolska`);
      await page.getByRole("link", { name: "Ogłoszenia grupy" }).click();
      await page.getByText("W tej kategorii wątki zakładają moderatorzy.").waitFor();
      expect(await page.getByRole("button", { name: "Nowy wątek" }).count()).toBe(0);

      await page.goto(`${server.url}/grupy/gwd-malopolska`);
      await page.getByRole("link", { name: "Dyskusje między sesjami" }).click();
      await page.getByRole("button", { name: "Nowy wątek" }).click();
      await page.getByLabel("Tytuł wątku").fill("Doradztwo zawodowe w małych szkołach");
      await page.locator("#thread-tags").focus();
      await page.keyboard.press("Enter");
      await page.getByRole("checkbox", { name: "Przedsiębiorczość" }).check();
      await page.getByRole("checkbox", { name: "Szkoła podstawowa, klasy 4–8" }).check();
      await page.getByText("Tagi (opcjonalnie) — wybrano 2 z 5").waitFor();
      // "@" suggestions work when starting a thread too: the category's readers.
      const body = page.getByLabel("Pierwszy wpis");
      await body.focus();
      await page.keyboard.type("Pytanie do @wójc");
      const listbox = page.getByRole("listbox", { name: "Osoby, o których można wspomnieć" });
      await listbox.getByRole("option", { name: /Magdalena Wójcik/ }).waitFor();
      await page.keyboard.press("Enter");
      expect(await body.inputValue()).toBe("Pytanie do @magdalena.wojcik ");
      await body.fill("Jak łączycie doradztwo zawodowe między szkołami?");
      await expectAccessibleAtBothWidths(page, "new-thread-tags");
      await page.getByRole("button", { name: "Utwórz wątek" }).click();
      await page.getByRole("heading", { level: 1, name: "Doradztwo zawodowe w małych szkołach" }).waitFor();
      const tags = page.getByRole("list", { name: "Tagi" });
      expect(await tags.getByRole("listitem").allTextContents()).toEqual([
        "Przedsiębiorczość",
        "Szkoła podstawowa, klasy 4–8",
      ]);

      await page.goto(`${server.url}/`);
      const news = page.locator(".whats-new");
      await news.getByRole("link", { name: "Doradztwo zawodowe w małych szkołach" }).waitFor();
      const upcoming = page.locator(".upcoming");
      await upcoming.getByText("GWD Małopolska").first().waitFor();
      expect(await upcoming.getByRole("listitem").count()).toBeGreaterThan(0);
      expect(await upcoming.getByText("GWD Wielkopolska i Pomorze").count()).toBe(0);
      await expectAccessibleAtBothWidths(page, "home-personal");
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);
