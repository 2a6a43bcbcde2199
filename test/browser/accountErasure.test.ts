import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  saveScreenshot,
  waitForAnnouncement,
} from "../support/browser.js";
import { categoryIdOf, csrfTokenOf, signInByApi as signIn } from "../support/browserApi.js";
import { DEMO_PASSWORD } from "../support/http.js";
import { startTestServer } from "../support/testServer.js";

const ANNA = "anna.kowalska@demo.forum-jst.pl";
const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const ADMIN = "admin@demo.forum-jst.pl";
const JOURNEY_TIMEOUT = 180_000;

let server: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "erasurebrowser" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.locator("main h1").first().waitFor();
}

const ANNAS_REPLY = "Przesyłam nasze wnioski z rekrutacji.";

/** Replies (through the API) in the first thread of GWD Małopolska's discussions; returns the thread's page. */
async function reply(context: BrowserContext, body: string): Promise<string> {
  const categoryId = await categoryIdOf(context, server.url, "gwd-malopolska", "dyskusje");
  const listed = await context.request.get(`${server.url}/api/categories/${categoryId}/threads`);
  const threadId = ((await listed.json()) as { threads: { id: string }[] }).threads[0]?.id ?? "";
  const posted = await context.request.post(`${server.url}/api/threads/${threadId}/posts`, {
    data: { body, clientId: randomUUID() },
    headers: { "x-csrf-token": await csrfTokenOf(context, server.url) },
  });
  expect(posted.status()).toBe(201);
  return `/watki/${threadId}`;
}

it(
  "a member deletes the account by keyboard; others then see only the anonymous name; admins have the RODO actions",
  async () => {
    const admin = await newContext(browser, "desktop");
    const annaDesktop = await newContext(browser, "desktop");
    const annaPhone = await newContext(browser, "phone");
    const piotr = await newContext(browser, "phone");
    try {
      await signIn(admin, server.url, ADMIN);
      const adminPage = await admin.newPage();
      await open(adminPage, "/admin/uzytkownicy");
      await adminPage.locator("summary", { hasText: /^Działania\W+Anna Kowalska$/ }).click();
      await adminPage.getByRole("button", { name: /^Ogranicz przetwarzanie\W+Anna Kowalska$/ }).waitFor();
      await adminPage.getByRole("button", { name: /^Usuń konto \(RODO\)\W+Anna Kowalska$/ }).click();
      const dialog = adminPage.getByRole("dialog", { name: "Usunięcie konta: Anna Kowalska" });
      await dialog.getByLabel("Podstawa (np. data i sposób zgłoszenia żądania)").waitFor();
      await expectNoAxeViolations(adminPage);
      await saveScreenshot(adminPage, "erasure-admin-dialog-desktop");
      await adminPage.keyboard.press("Escape");

      await signIn(annaDesktop, server.url, ANNA);
      const threadPath = await reply(annaDesktop, ANNAS_REPLY);
      const listed = await annaDesktop.request.patch(`${server.url}/api/me/consents`, {
        data: { digest: "off", mentionEmails: false, directoryListing: true, newsletter: false },
        headers: { "x-csrf-token": await csrfTokenOf(annaDesktop, server.url) },
      });
      expect(listed.status()).toBe(200);
      await signIn(piotr, server.url, PIOTR);
      await reply(piotr, "Dziękuję @anna.kowalska, przejrzę wnioski.");
      const leadersBefore = await piotr.request.get(`${server.url}/api/network/leaders?q=Kowalska`);
      expect(((await leadersBefore.json()) as { total: number }).total).toBe(1);
      const profile = await annaDesktop.newPage();
      await open(profile, "/profil");
      await profile.getByRole("heading", { name: "Usuwanie konta", level: 2 }).waitFor();
      await expectNoAxeViolations(profile);
      await saveScreenshot(profile, "erasure-profile-desktop");
      // Before leaving she takes her data: the archive the profile's link downloads holds her reply.
      const [download] = await Promise.all([
        profile.waitForEvent("download"),
        profile.getByRole("link", { name: "Pobierz moje dane" }).click(),
      ]);
      const archive = unzipSync(new Uint8Array(await readFile((await download.path())!)));
      const posts = JSON.parse(strFromU8(archive["posts.json"]!)) as Array<{ body: string }>;
      expect(posts.map((post) => post.body)).toContain(ANNAS_REPLY);

      // At 360 px, keyboard only: password, the confirmation word, Enter.
      await signIn(annaPhone, server.url, ANNA);
      const phone = await annaPhone.newPage();
      await open(phone, "/profil");
      await expectNoAxeViolations(phone);
      await phone.locator("#erase-password").focus();
      await phone.keyboard.type(DEMO_PASSWORD);
      await phone.keyboard.press("Tab");
      await phone.keyboard.type("USUN");
      await phone.keyboard.press("Enter");
      await phone.getByText("Wpisz „USUŃ”, aby potwierdzić.").first().waitFor();
      await phone.locator("#erase-confirmation").fill("");
      await phone.locator("#erase-confirmation").focus();
      await phone.keyboard.type("USUŃ");
      await phone.keyboard.press("Enter");
      await phone.waitForURL((url) => url.pathname === "/konto-usuniete");
      await phone.getByRole("heading", { name: "Twoje konto zostało usunięte", level: 1 }).waitFor();
      await waitForAnnouncement(phone, "Konto zostało usunięte. Wylogowano.");
      await expectNoAxeViolations(phone);
      await saveScreenshot(phone, "erasure-done-phone");
      expect(await (await annaPhone.request.get(`${server.url}/api/me/profile`)).status()).toBe(401);

      // Sign-in is refused with the same message as for an unknown account.
      await open(phone, "/logowanie");
      await phone.getByLabel("Adres e-mail").fill(ANNA);
      await phone.getByLabel("Hasło", { exact: true }).fill(DEMO_PASSWORD);
      await phone.locator("main").getByRole("button", { name: "Zaloguj się" }).click();
      await phone.getByText("Nieprawidłowy e-mail lub hasło.").first().waitFor();

      const reader = await piotr.newPage();
      await open(reader, threadPath);
      await reader.getByText("Użytkownik usunięty #1").first().waitFor();
      await expectNoAxeViolations(reader);
      await saveScreenshot(reader, "erasure-thread-phone");
      const threadText = await reader.locator("main").innerText();
      expect(threadText).not.toContain("Anna Kowalska");
      // Piotr's mention of her now names the anonymous account.
      expect(threadText).not.toContain("anna.kowalska");
      expect(threadText).toContain("Dziękuję @usuniety-1");
      // Both pages repeat the query itself: what must be gone are the results naming her.
      await open(reader, "/szukaj?q=Anna%20Kowalska");
      await reader.getByRole("heading", { name: "Nic nie znaleziono" }).waitFor();
      expect(await reader.getByRole("link", { name: /Kowalska/ }).count()).toBe(0);
      await open(reader, "/siec/liderzy?q=Kowalska");
      expect(await reader.getByRole("link", { name: /Kowalska/ }).count()).toBe(0);

      await adminPage.reload();
      await adminPage.locator("summary", { hasText: /^Działania\W+Piotr Mazur$/ }).click();
      await adminPage.getByRole("button", { name: /^Ogranicz przetwarzanie\W+Piotr Mazur$/ }).waitFor();
      await adminPage.setViewportSize({ width: 360, height: 740 });
      await expectNoAxeViolations(adminPage);
      await saveScreenshot(adminPage, "erasure-admin-phone");
    } finally {
      for (const context of [admin, annaDesktop, annaPhone, piotr]) await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);
