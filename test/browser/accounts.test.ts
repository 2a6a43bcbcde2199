import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, newContext, saveScreenshot, VIEWPORTS } from "../support/browser.js";
import { findFreePort, LOOPBACK } from "../../server/src/db/freePort.js";
import { linkToken, startSmtpReceiver, type SmtpReceiver } from "../support/smtpReceiver.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

/**
 * The account journeys in a real browser against a real forum process and a real SMTP server:
 * invitation, access request, password reset, and every new screen checked with axe on a laptop
 * and a 360 px phone.
 */

const PASSWORD = "Demo-Haslo-2026!";
const MODERATOR = "katarzyna.nowak@demo.forum-jst.pl";
const ADMIN = "admin@demo.forum-jst.pl";
const MEMBER = "anna.kowalska@demo.forum-jst.pl";
// The forum accepts state-changing requests only from PUBLIC_URL's origin, and builds the
// e-mailed links from it: so it is the test server's own address, on a port chosen up front.
let PUBLIC_URL = "";
const NEW_PASSWORD = "Jesienne-liscie-nad-Raba-2026";

const JOURNEY_TIMEOUT = 120_000;
const PAGE_TIMEOUT = 60_000;

let server: TestServer;
let smtp: SmtpReceiver;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  smtp = await startSmtpReceiver();
  const port = await findFreePort();
  PUBLIC_URL = `http://${LOOPBACK}:${port}`;
  server = await startTestServer({
    seed: true,
    label: "accounts",
    env: { SMTP_URL: smtp.url, PUBLIC_URL, PORT: String(port) },
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.stop();
});

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.locator("main h1").first().waitFor();
}

async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await open(page, "/logowanie");
  await page.getByLabel("Adres e-mail").fill(email);
  await page.getByLabel("Hasło", { exact: true }).fill(password);
  await page.locator("main").getByRole("button", { name: "Zaloguj się" }).click();
  await page.waitForURL((url) => url.pathname !== "/logowanie");
  await page.locator("main h1").first().waitFor();
}

async function withContext<T>(
  viewport: keyof typeof VIEWPORTS,
  run: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await newContext(browser, viewport);
  const page = await context.newPage();
  try {
    return await run(page, context);
  } finally {
    await context.close();
  }
}

/** Types part of a name into the JST combobox and picks the match with the keyboard only. */
async function chooseJstByKeyboard(page: Page, inputId: string, typed: string, name: string): Promise<void> {
  const combo = page.locator(`#${inputId}`);
  await combo.focus();
  await page.keyboard.type(typed, { delay: 30 });
  const option = page.locator(`#${inputId}-listbox [role=option]`, { hasText: name }).first();
  await option.waitFor();
  expect(await combo.getAttribute("aria-expanded")).toBe("true");
  const options = await page.locator(`#${inputId}-listbox [role=option]`).allInnerTexts();
  const index = options.findIndex((text) => text.startsWith(name));
  expect(index).toBeGreaterThanOrEqual(0);
  for (let step = 0; step <= index; step += 1) await page.keyboard.press("ArrowDown");
  const activeId = await combo.getAttribute("aria-activedescendant");
  expect(activeId).toBe(`${inputId}-option-${index}`);
  expect(await page.locator(`#${activeId}`).getAttribute("aria-selected")).toBe("true");
  await page.keyboard.press("Enter");
  expect(await combo.inputValue()).toBe(name);
  expect(await combo.getAttribute("aria-expanded")).toBe("false");
  await page.locator(`#${inputId}-chosen`).waitFor();
}

async function fillJoinFields(
  page: Page,
  prefix: string,
  person: { name: string; position: string; group: RegExp },
  viaKeyboard = true,
): Promise<void> {
  await page.locator(`#${prefix}-name`).fill(person.name);
  await page.locator(`#${prefix}-password`).fill(NEW_PASSWORD);
  await page.getByText("Hasło jest wystarczająco silne.").waitFor();
  if (viaKeyboard) await chooseJstByKeyboard(page, `${prefix}-jstTeryt`, "Wielicz", "Wieliczka");
  else {
    await page.locator(`#${prefix}-jstTeryt`).fill("Wielicz");
    await page.locator(`#${prefix}-jstTeryt-listbox [role=option]`, { hasText: "Wieliczka" }).first().click();
  }
  await page.locator(`#${prefix}-position`).fill(person.position);
  await page.getByRole("radio", { name: person.group }).check();
}

it(
  "a moderator invites a new person from the group page, who joins from the e-mailed link",
  async () => {
    const invitee = "joanna.bak@wieliczka.eu";
    await withContext("desktop", async (page) => {
      await signIn(page, MODERATOR);
      await open(page, "/grupy/gwd-malopolska");
      const panel = page.getByRole("region", { name: "Zaproś do grupy" });
      await panel.waitFor();
      await panel.getByLabel("Adres e-mail osoby zapraszanej").fill(invitee);
      await panel.getByRole("button", { name: "Wyślij zaproszenie" }).click();
      await panel.getByText(`Wysłano zaproszenie do ${invitee}.`).waitFor();
      await panel
        .getByRole("list", { name: /Oczekujące zaproszenia/ })
        .getByText(invitee, { exact: true })
        .waitFor();
      // The polite live region says it too, and focus stays where it was.
      await page
        .locator("[role=status][aria-live=polite]", { hasText: `Wysłano zaproszenie do ${invitee}.` })
        .waitFor();
      await saveScreenshot(page, "desktop-group-invite");
      await expectNoAxeViolations(page);
    });

    const mail = await smtp.waitForMail(invitee, 15_000);
    const token = linkToken(mail, `${PUBLIC_URL}/zaproszenie/`);

    await withContext("phone", async (page) => {
      await open(page, `/zaproszenie/${token}`);
      expect(await page.locator("main h1").innerText()).toBe("Dołącz do grupy GWD Małopolska");
      await page.getByText(invitee).waitFor();
      await saveScreenshot(page, "phone-invitation");
      await expectNoAxeViolations(page);

      // A submit with nothing filled in keeps the page and lists what is missing.
      await page.getByRole("button", { name: "Dołącz do grupy" }).click();
      await page.getByRole("heading", { name: "Popraw błędy w formularzu" }).waitFor();
      await expectNoAxeViolations(page);

      await fillJoinFields(page, "invite", {
        name: "Joanna Bąk",
        position: "Inspektor ds. oświaty",
        group: /Pracownik operacyjny/,
      });
      await page.getByRole("button", { name: "Dołącz do grupy" }).click();
      await page.waitForURL(`${server.url}/grupy/gwd-malopolska`);
      await page.getByRole("heading", { level: 1, name: "GWD Małopolska" }).waitFor();
      // Signed in: the header shows the new member's name, linking to their profile.
      await page.getByRole("button", { name: "Menu" }).click();
      await page.getByRole("link", { name: "Joanna Bąk – mój profil" }).waitFor();

      await open(page, "/grupy");
      // The group names, without their "N nowych" unread badges.
      const groupHeadings = await page.locator("main h2, main h3").evaluateAll((headings) =>
        headings.map((heading) => {
          const copy = heading.cloneNode(true) as HTMLElement;
          copy.querySelectorAll(".unread-badge").forEach((badge) => badge.remove());
          return (copy.textContent ?? "").trim();
        }),
      );
      expect(groupHeadings).toContain("GWD Małopolska");
      expect(groupHeadings).not.toContain("GWD Wielkopolska i Pomorze");
      const groupLinks = await page.locator("main a[href^='/grupy/']").count();
      expect(groupLinks).toBe(1);
    });

    // Used once: the same link now explains itself instead of showing the form.
    await withContext("desktop", async (page) => {
      await open(page, `/zaproszenie/${token}`);
      expect(await page.locator("main h1").innerText()).toBe("To zaproszenie nie działa");
      await saveScreenshot(page, "desktop-invitation-invalid");
      await expectNoAxeViolations(page);
    });
  },
  JOURNEY_TIMEOUT,
);

it(
  "a person asks for an account, a moderator approves it, and the person signs in",
  async () => {
    const email = "tadeusz.rak@wieliczka.eu";
    await withContext("desktop", async (page) => {
      await open(page, "/logowanie");
      await page.getByRole("link", { name: "Poproś o dostęp" }).click();
      await page.waitForURL(`${server.url}/rejestracja`);
      await page.locator("main h1").waitFor();
      await page.getByLabel("Służbowy adres e-mail").fill(email);
      await fillJoinFields(page, "register", {
        name: "Tadeusz Rak",
        position: "Naczelnik Wydziału Edukacji",
        group: /Kadra kierownicza/,
      });
      await page.getByLabel("Wiadomość do moderatora (nieobowiązkowo)").fill("Chcę dołączyć do GWD Małopolska.");
      await page.getByRole("button", { name: "Wyślij prośbę" }).click();
      await page.getByRole("heading", { name: "Prośba wysłana" }).waitFor();
      await saveScreenshot(page, "desktop-register-sent");
      await expectNoAxeViolations(page);
    });

    await withContext("desktop", async (page) => {
      await signIn(page, MODERATOR);
      await page.getByRole("button", { name: /^Zarządzanie/ }).click();
      await page.getByRole("link", { name: "Prośby o dostęp" }).click();
      await page.waitForURL(`${server.url}/admin/prosby`);
      const card = page.locator("li", { has: page.getByRole("heading", { name: "Tadeusz Rak" }) });
      await card.waitFor();
      await card.getByText("Chcę dołączyć do GWD Małopolska.").waitFor();
      await saveScreenshot(page, "desktop-admin-requests");
      await expectNoAxeViolations(page);
      await card.getByRole("button", { name: /^Zatwierdź\W+Tadeusz Rak$/ }).click();
      await page.locator("[role=status][aria-live=polite]", { hasText: "Zatwierdzono: Tadeusz Rak" }).waitFor();
      await card.waitFor({ state: "detached" });
    });

    await withContext("phone", async (page) => {
      await signIn(page, email, NEW_PASSWORD);
      await page.getByRole("button", { name: "Menu" }).click();
      await page.getByRole("link", { name: "Tadeusz Rak – mój profil" }).waitFor();
    });
  },
  JOURNEY_TIMEOUT,
);

it(
  "resets a forgotten password from the e-mailed link and signs in with the new one",
  async () => {
    const email = "piotr.mazur@demo.forum-jst.pl";
    await withContext("phone", async (page) => {
      await open(page, "/logowanie");
      await page.getByRole("link", { name: "Nie pamiętasz hasła?" }).click();
      await page.waitForURL(`${server.url}/haslo/reset`);
      await page.locator("main h1").waitFor();
      await page.getByLabel("Adres e-mail").fill(email);
      await page.getByRole("button", { name: "Wyślij link" }).click();
      await page.getByRole("heading", { name: "Sprawdź skrzynkę e-mail" }).waitFor();
      await saveScreenshot(page, "phone-reset-sent");
      await expectNoAxeViolations(page);
    });

    const mail = await smtp.waitForMail(email, 15_000);
    const token = linkToken(mail, `${PUBLIC_URL}/haslo/nowe/`);

    await withContext("desktop", async (page) => {
      await open(page, `/haslo/nowe/${token}`);
      await page.getByLabel("Nowe hasło").fill("krakow");
      await page.getByText(/Brakuje jeszcze/).waitFor();
      await page.getByLabel("Nowe hasło").fill(NEW_PASSWORD);
      await page.getByText("Hasło jest wystarczająco silne.").waitFor();
      await saveScreenshot(page, "desktop-new-password");
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Zapisz nowe hasło" }).click();
      await page.getByRole("heading", { name: "Hasło zmienione" }).waitFor();
      await signIn(page, email, NEW_PASSWORD);
      await page.getByRole("link", { name: "Piotr Mazur – mój profil" }).waitFor();
    });
  },
  JOURNEY_TIMEOUT,
);

it(
  "the JST combobox works with the keyboard alone: arrows, Enter, Escape",
  async () => {
    await withContext("desktop", async (page) => {
      await open(page, "/rejestracja");
      const combo = page.locator("#register-jstTeryt");
      expect(await combo.getAttribute("role")).toBe("combobox");
      expect(await combo.getAttribute("aria-controls")).toBe("register-jstTeryt-listbox");
      // Reach it with Tab from the position before it, like a keyboard user.
      await page.locator("#register-voivodeship, #register-jstTeryt-voivodeship").first().focus();
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("register-jstTeryt");
      await page.keyboard.type("Krak", { delay: 30 });
      await page.locator("#register-jstTeryt-listbox [role=option]").first().waitFor();
      await page.keyboard.type("ów", { delay: 30 });
      // The two units named Kraków are told apart by their type and the gmina's powiat.
      const options = page.locator("#register-jstTeryt-listbox [role=option]");
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll("#register-jstTeryt-listbox [role=option]")].filter((option) =>
            option.textContent?.trim().startsWith("Kraków "),
          ).length >= 2,
      );
      expect(await options.allInnerTexts()).toEqual(
        expect.arrayContaining([
          "Kraków\nmiasto na prawach powiatu, woj. małopolskie",
          "Kraków\ngmina miejska, powiat grodzki Kraków, woj. małopolskie",
        ]),
      );
      await page.keyboard.press("Escape");
      expect(await combo.getAttribute("aria-expanded")).toBe("false");
      expect(await combo.inputValue()).toBe("Kraków");
      await page.keyboard.press("Escape");
      expect(await combo.inputValue()).toBe("");
      await chooseJstByKeyboard(page, "register-jstTeryt", "Wielicz", "Wieliczka");
      // Enter picked an option and did not submit the form.
      expect(await page.getByRole("heading", { name: "Popraw błędy w formularzu" }).count()).toBe(0);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("register-position");
    });
  },
  PAGE_TIMEOUT,
);

describe.each(Object.keys(VIEWPORTS) as Array<keyof typeof VIEWPORTS>)("new screens on %s", (viewport) => {
  it(
    "public screens: request access, forgotten password, new password, invalid invitation",
    async () => {
      await withContext(viewport, async (page) => {
        for (const [path, name] of [
          ["/rejestracja", "register"],
          ["/haslo/reset", "reset"],
          ["/haslo/nowe/nieprawidlowy-token-0123456789abcdef", "new-password-form"],
          ["/zaproszenie/nieprawidlowy-token-0123456789abcdef", "invitation-invalid"],
          ["/logowanie", "login"],
        ] as const) {
          await open(page, path);
          await saveScreenshot(page, `${viewport}-${name}`);
          await expectNoAxeViolations(page);
        }
        // The combobox open with results is checked too.
        await open(page, "/rejestracja");
        await page.locator("#register-jstTeryt").fill("Wiel");
        await page.locator("#register-jstTeryt-listbox [role=option]").first().waitFor();
        await page.keyboard.press("ArrowDown");
        await saveScreenshot(page, `${viewport}-register-combobox`);
        await expectNoAxeViolations(page);
      });
    },
    PAGE_TIMEOUT,
  );

  it(
    "profile: saves consents without moving focus and lists the sessions",
    async () => {
      await withContext(viewport, async (page) => {
        await signIn(page, MEMBER);
        await open(page, "/profil");
        await page.getByRole("heading", { name: "Sesje" }).waitFor();
        await page.getByText("to urządzenie").waitFor();
        await saveScreenshot(page, `${viewport}-profile`);
        await expectNoAxeViolations(page);

        await page.getByRole("radio", { name: /Raz w tygodniu/ }).check();
        const save = page.getByRole("button", { name: "Zapisz zgody" });
        await save.focus();
        await page.keyboard.press("Enter");
        await page.getByText("Zapisano zgody.").first().waitFor();
        expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Zapisz zgody");

        // Wrong current password: the server's message next to the field, nothing typed is lost.
        await page.getByLabel("Obecne hasło").fill("zle-haslo-123456");
        await page.getByLabel("Nowe hasło").fill(NEW_PASSWORD);
        await page.getByRole("button", { name: "Zmień hasło" }).click();
        await page.locator("#profile-currentPassword-error, #haslo .status.error").first().waitFor();
        expect(await page.getByLabel("Nowe hasło").inputValue()).toBe(NEW_PASSWORD);
        await expectNoAxeViolations(page);
      });
    },
    PAGE_TIMEOUT,
  );

  it(
    "moderator screens: users (with the suspend dialog) and account requests",
    async () => {
      await withContext(viewport, async (page) => {
        await signIn(page, ADMIN);
        await open(page, "/admin/uzytkownicy");
        await page.locator("table.users").waitFor();
        // A compact table of at most 20 rows with the total over every page (it was 6,300 px tall for 20 people).
        const heading = page.locator("#users-heading");
        const total = Number(/^(\d+) os/.exec(await heading.innerText())?.[1]);
        expect(total).toBeGreaterThanOrEqual(19);
        expect(await page.locator("table.users tbody tr").count()).toBe(Math.min(total, 20));
        if (total > 20)
          await page.getByRole("button", { name: `Pokaż kolejne (${Math.min(20, total - 20)})` }).waitFor();
        await saveScreenshot(page, `${viewport}-admin-users`);
        if (viewport === "desktop") {
          // Rows of one to three lines: a row's tools no longer stack in it (they took ~300 px a row).
          const rowHeight = await page
            .locator("table.users tbody")
            .evaluate((body) => body.getBoundingClientRect().height / body.querySelectorAll("tr").length);
          expect(rowHeight).toBeLessThan(140);
        }
        await expectNoAxeViolations(page);

        // Each row's tools open from its own "Działania" disclosure, keeping the table compact.
        await page.locator("summary", { hasText: /^Działania\W+Marek Kamiński$/ }).click();
        const opener = page.getByRole("button", { name: /^Zawieś\W+Marek Kamiński$/ });
        await opener.click();
        const dialog = page.getByRole("dialog", { name: "Zawieś konto: Marek Kamiński" });
        await dialog.waitFor();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("suspend-reason");
        await saveScreenshot(page, `${viewport}-admin-suspend-dialog`);
        await expectNoAxeViolations(page);
        await page.keyboard.press("Escape");
        await dialog.waitFor({ state: "hidden" });
        expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toContain("Zawieś");

        await open(page, "/admin/prosby");
        await saveScreenshot(page, `${viewport}-admin-requests`);
        await expectNoAxeViolations(page);
      });
    },
    PAGE_TIMEOUT,
  );
});

it(
  "members see no moderator links, and the moderator screens refuse them",
  async () => {
    await withContext("desktop", async (page) => {
      await signIn(page, MEMBER);
      expect(await page.getByRole("link", { name: "Użytkownicy" }).count()).toBe(0);
      expect(await page.getByRole("link", { name: "Prośby o dostęp" }).count()).toBe(0);
      await open(page, "/grupy/gwd-malopolska");
      expect(await page.getByRole("region", { name: "Zaproś do grupy" }).count()).toBe(0);
      await open(page, "/admin/uzytkownicy");
      expect(await page.locator("main h1").innerText()).toBe("Brak dostępu");
    });
  },
  PAGE_TIMEOUT,
);
