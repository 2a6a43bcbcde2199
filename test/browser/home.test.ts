import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import {
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  saveScreenshot,
  VIEWPORTS,
  waitForAnnouncement,
} from "../support/browser.js";
import { startTestServer } from "../support/testServer.js";

// The demo login the seed creates: a member of the first GWD group.
const DEMO_EMAIL = "anna.kowalska@demo.forum-jst.pl";
const DEMO_PASSWORD = "Demo-Haslo-2026!";

// Jest reads testTimeout only from the top-level config, not from a project: set it per test.
// A whole journey on a 2-core machine with axe on every page takes 10–20 s.
const JOURNEY_TIMEOUT = 90_000;
const PAGE_TIMEOUT = 45_000;

let server: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens a path and waits until the client app has rendered its page heading. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.locator("main h1").first().waitFor();
}

describe.each(Object.keys(VIEWPORTS) as Array<keyof typeof VIEWPORTS>)("home page on %s", (viewport) => {
  it(
    "shows the forum's purpose, the network and the demo groups, with no axe violations",
    async () => {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      try {
        await open(page, "/");
        expect(await page.getAttribute("html", "lang")).toBe("pl");
        expect(await page.locator("main h1").innerText()).toBe("Forum Współpracy JST");
        await page.getByRole("heading", { name: "Sieć w liczbach" }).waitFor();
        await page.getByRole("heading", { name: "Grupy Wymiany Doświadczeń" }).waitFor();

        const network = (await (await page.request.get(`${server.url}/api/network`)).json()) as {
          groups: Array<{ name: string }>;
        };
        expect(network.groups.length).toBeGreaterThan(0);
        for (const group of network.groups) {
          await page.getByRole("heading", { name: group.name, exact: true }).waitFor();
        }
        await page.getByRole("link", { name: "Zaloguj się" }).first().waitFor();

        await saveScreenshot(page, `${viewport}-home`);
        await expectNoAxeViolations(page);
      } finally {
        await context.close();
      }
    },
    PAGE_TIMEOUT,
  );
});

it(
  "lets a keyboard user skip straight to the content",
  async () => {
    const context = await newContext(browser, "desktop");
    const page = await context.newPage();
    try {
      await open(page, "/");
      await page.keyboard.press("Tab");
      const first = page.locator(":focus");
      expect(await first.innerText()).toBe("Przejdź do treści");
      expect(await first.isVisible()).toBe(true);
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("tresc");
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("MAIN");
    } finally {
      await context.close();
    }
  },
  PAGE_TIMEOUT,
);

async function signIn(page: Page, email: string): Promise<void> {
  await open(page, "/logowanie");
  await page.getByLabel("Adres e-mail").fill(email);
  await page.getByLabel("Hasło").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Zaloguj się" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/logowanie"));
  await page.locator("main h1").first().waitFor();
}

it(
  "shows a signed-in member their groups' news first on a 360 × 740 phone, under a compact header",
  async () => {
    const context = await newContext(browser, "phone");
    const page = await context.newPage();
    try {
      await signIn(page, DEMO_EMAIL);
      await open(page, "/");
      expect(await page.locator("main h1").innerText()).toBe("Witaj, Anna Kowalska");
      // The visitors' introduction is not repeated to members.
      expect(await page.getByText("Miejsce, w którym przedstawiciele samorządów").count()).toBe(0);
      const header = await page.locator("header.site-header").boundingBox();
      expect(header?.height).toBeLessThanOrEqual(80);
      const news = await page.locator("#whats-new-heading").boundingBox();
      expect(news?.y).toBeLessThanOrEqual(200);
      await saveScreenshot(page, "phone-home-member");
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  },
  PAGE_TIMEOUT,
);

it.each([
  ["a moderator", "katarzyna.nowak@demo.forum-jst.pl"],
  ["an admin", "admin@demo.forum-jst.pl"],
])(
  "keeps %s's header menu on one row at 1280 px, the staff links under one menu",
  async (_who, email) => {
    const context = await newContext(browser, "desktop");
    const page = await context.newPage();
    try {
      await signIn(page, email);
      const manage = page.getByRole("navigation").getByRole("button", { name: /^Zarządzanie/ });
      await manage.waitFor();
      // Every link and tool of the menu row starts at the same height: one row.
      const tops = await page
        .locator("#site-menu nav > ul > li, #site-menu .tools > *:visible")
        .evaluateAll((elements) => elements.map((element) => Math.round(element.getBoundingClientRect().top)));
      expect(tops.length).toBeGreaterThan(6);
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(4);
      // The staff links open from the keyboard and close with Escape, focus back on the button.
      expect(await page.getByRole("link", { name: "Użytkownicy" }).isVisible()).toBe(false);
      await manage.focus();
      await page.keyboard.press("Enter");
      await page.getByRole("link", { name: "Użytkownicy" }).waitFor();
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(/^Moderacja/);
      await saveScreenshot(page, `desktop-staff-menu-${email.split("@")[0]}`);
      await expectNoAxeViolations(page);
      await page.keyboard.press("Escape");
      await page.getByRole("link", { name: "Użytkownicy" }).waitFor({ state: "hidden" });
      expect(await manage.evaluate((button) => button === document.activeElement)).toBe(true);
    } finally {
      await context.close();
    }
  },
  PAGE_TIMEOUT,
);

describe.each(Object.keys(VIEWPORTS) as Array<keyof typeof VIEWPORTS>)("a member on %s", (viewport) => {
  it(
    "signs in, goes group → category → thread and posts a reply that appears",
    async () => {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      try {
        // A group page needs a session: the visitor is sent to the login page and back.
        await open(page, "/");
        await page.getByRole("link", { name: "Zaloguj się" }).first().click();
        await page.getByRole("heading", { name: "Zaloguj się", level: 1 }).waitFor();
        await saveScreenshot(page, `${viewport}-login`);
        await expectNoAxeViolations(page);

        // A wrong password shows the server's message and keeps the e-mail typed.
        await page.getByLabel("Adres e-mail").fill(DEMO_EMAIL);
        await page.getByLabel("Hasło").fill("zle-haslo");
        await page.getByRole("button", { name: "Zaloguj się" }).click();
        await page.getByRole("heading", { name: "Popraw błędy w formularzu" }).waitFor();
        expect(await page.getByLabel("Adres e-mail").inputValue()).toBe(DEMO_EMAIL);
        await saveScreenshot(page, `${viewport}-login-error`);
        await expectNoAxeViolations(page);

        await page.getByLabel("Hasło").fill(DEMO_PASSWORD);
        await page.getByRole("button", { name: "Zaloguj się" }).click();
        await page.getByRole("heading", { name: "Moje grupy" }).waitFor();
        await page
          .getByRole("button", { name: "Wyloguj" })
          .or(page.getByRole("button", { name: "Menu" }))
          .first()
          .waitFor();

        // Group page.
        await page.locator("a.my-group").first().click();
        await page.getByRole("heading", { name: "Kategorie rozmów" }).waitFor();
        await saveScreenshot(page, `${viewport}-group`);
        await expectNoAxeViolations(page);

        // Category page.
        await page.locator(".category h3 a", { hasText: "Dyskusje między sesjami" }).first().click();
        await page.getByRole("heading", { name: "Wątki" }).waitFor();
        await saveScreenshot(page, `${viewport}-category`);
        await expectNoAxeViolations(page);

        // Thread page.
        await page.locator(".thread h3 a").first().click();
        const replyBox = page.getByLabel("Treść odpowiedzi");
        await replyBox.waitFor();
        const postsBefore = await page.locator("article.post").count();
        expect(postsBefore).toBeGreaterThan(0);
        await saveScreenshot(page, `${viewport}-thread`);
        await expectNoAxeViolations(page);

        // An empty reply is refused with the shared schema's message.
        await page.getByRole("button", { name: "Wyślij odpowiedź" }).click();
        await page.getByText("Treść wpisu nie może być pusta.").waitFor();

        const text = `Odpowiedź z testu przeglądarkowego (${viewport}): u nas diagnoza działa od marca.`;
        await replyBox.fill(text);
        await page.getByRole("button", { name: "Wyślij odpowiedź" }).click();
        await page.locator("article.post", { hasText: text }).waitFor();
        expect(await page.locator("article.post").count()).toBe(postsBefore + 1);
        // The live push can show the post before the HTTP answer clears the box: the announcement follows the answer.
        await waitForAnnouncement(page, "Wpis dodany");
        expect(await replyBox.inputValue()).toBe("");
        await saveScreenshot(page, `${viewport}-thread-after-reply`);
        await expectNoAxeViolations(page);

        // The reply is stored, not just shown: it is still there after a reload.
        await page.reload();
        await page.locator("article.post", { hasText: text }).waitFor();
        expect(await page.getByLabel("Treść odpowiedzi").inputValue()).toBe("");
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});

it(
  "keeps an unsent reply as a draft across a reload",
  async () => {
    const context = await newContext(browser, "desktop");
    const page = await context.newPage();
    try {
      await open(page, "/logowanie");
      await page.getByLabel("Adres e-mail").fill(DEMO_EMAIL);
      await page.getByLabel("Hasło").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Zaloguj się" }).click();
      await page.locator("a.my-group").first().click();
      await page.locator(".category h3 a", { hasText: "Dyskusje między sesjami" }).first().click();
      await page.locator(".thread h3 a").first().click();
      await page.getByLabel("Treść odpowiedzi").fill("Szkic, którego nie chcę stracić");
      await page.reload();
      await page.getByText("Przywrócono niewysłany tekst odpowiedzi.").waitFor();
      expect(await page.getByLabel("Treść odpowiedzi").inputValue()).toBe("Szkic, którego nie chcę stracić");
    } finally {
      await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);

it(
  "shows a friendly Polish page for an address that does not exist",
  async () => {
    const context = await newContext(browser, "phone");
    const page = await context.newPage();
    try {
      await open(page, "/nie-ma-takiej-strony");
      expect(await page.locator("main h1").innerText()).toBe("Nie znaleziono strony");
      await page.getByRole("link", { name: "Wróć na stronę główną" }).waitFor();
      await saveScreenshot(page, "phone-not-found");
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  },
  PAGE_TIMEOUT,
);
