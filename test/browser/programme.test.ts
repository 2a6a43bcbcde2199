import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import {
  expectAccessibleAtBothWidths,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  saveScreenshot,
  waitForAnnouncement,
  type VIEWPORTS,
} from "../support/browser.js";
import { signInByApi } from "../support/browserApi.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { participantXlsx, type ParticipantLine } from "../support/participantSheets.js";
import { linkToken, startSmtpReceiver, type SmtpReceiver } from "../support/smtpReceiver.js";
import { startTestServer, type TestServer } from "../support/testServer.js";
import { findFreePort, LOOPBACK } from "../../server/src/db/freePort.js";

/**
 * The programme's whole journey in a real browser against a real forum and a real SMTP receiver: a
 * cohort and three groups made on screen, a participant list with bad rows fixed in the preview and
 * sent, an invitee joining from the e-mail, a facilitator who moderates only their own group, a move
 * seen live by the person moved, an archived group with no composer, and a member of another group
 * who sees none of it.
 */

const JOURNEY_TIMEOUT = 900_000;
const LIVE_TIMEOUT = 30_000;
const COHORT = "Etap II, 2026–2028";
const GROUPS = [
  { name: "GWD Śląsk — grupa 1", slug: "gwd-slask-grupa-1", jst: ["Gliwi", "Gliwice"] },
  { name: "GWD Śląsk — grupa 2", slug: "gwd-slask-grupa-2", jst: ["Kozy", "Kozy"] },
  { name: "GWD Mazowsze", slug: "gwd-mazowsze", jst: ["Płońs", "Płońsk"] },
] as const;

let PUBLIC_URL = "";
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
    label: "programme-browser",
    env: { SMTP_URL: smtp.url, PUBLIC_URL, PORT: String(port) },
  });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.stop();
});

async function signedInPage(email: string, viewport: keyof typeof VIEWPORTS = "desktop"): Promise<Page> {
  const context = await newContext(browser, viewport);
  await signInByApi(context, server.url, email);
  return context.newPage();
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.locator("main h1").first().waitFor();
}

/** Picks a JST in a type-ahead by typing part of its name and choosing the first match. */
async function chooseJst(page: Page, scope: Locator, typed: string, name: string): Promise<void> {
  const combo = scope.locator("input[role=combobox]");
  const inputId = (await combo.getAttribute("id")) ?? "";
  await combo.fill(typed);
  await page.locator(`#${inputId}-listbox [role=option]`, { hasText: name }).first().click();
}

/** A button's name made of its action and, for screen readers, whom it acts on ("Przenieś: Anna Kowalska"). */
const forWhom = (action: string, whom: string) => new RegExp(`^${action}\\s*:\\s*${whom}$`);

const line = (overrides: Partial<ParticipantLine>): ParticipantLine => ({
  firstName: "Zofia",
  lastName: "Nowicka",
  email: `osoba.${randomUUID().slice(0, 8)}@example.pl`,
  teryt: "2402072",
  jst: "",
  position: "Inspektorka ds. oświaty",
  group: GROUPS[0].slug,
  ...overrides,
});

it(
  "ZMP runs a cohort from the screens: groups, a participant list, facilitators, moves and the archive",
  async () => {
    const contexts: BrowserContext[] = [];
    const admin = await signedInPage(DEMO.admin);
    contexts.push(admin.context());
    try {
      // A cohort and three groups with their JSTs, made on screen.
      await open(admin, "/moderacja/programy");
      await admin.getByRole("button", { name: "Nowa edycja" }).click();
      await admin.getByLabel("Nazwa edycji").fill(COHORT);
      await admin.getByLabel("Początek").fill("2026-09-01");
      await admin.getByLabel("Koniec").fill("2028-06-30");
      await admin.getByLabel("Liczba spotkań każdej grupy").fill("12");
      await admin.getByRole("button", { name: "Utwórz edycję" }).click();
      await waitForAnnouncement(admin, `Utworzono edycję ${COHORT}.`);
      const cohort = admin.getByRole("article", { name: COHORT });
      await cohort.getByText("12 spotkań").waitFor();
      for (const group of GROUPS) {
        await cohort.getByRole("button", { name: /^Nowa grupa/ }).click();
        const form = cohort.locator(".new-group");
        await form.getByLabel("Nazwa grupy").fill(group.name);
        expect(await form.getByLabel("Adres grupy").inputValue()).toBe(group.slug);
        const [typed, jstName] = group.jst;
        await chooseJst(admin, form, typed, jstName);
        await form.getByRole("button", { name: "Dodaj wybraną JST" }).click();
        await form
          .getByRole("list", { name: "Wybrane JST" })
          .getByText(new RegExp(`^${jstName} \\(`))
          .waitFor();
        await form.getByRole("button", { name: "Utwórz grupę" }).click();
        await waitForAnnouncement(admin, `Utworzono grupę ${group.name}`);
        await cohort.getByRole("heading", { name: group.name }).waitFor();
      }
      await expectAccessibleAtBothWidths(admin, "programme-cohorts");

      // A 30-row list with three bad rows: each is fixed in the preview, then the list is sent.
      const invitee = line({ firstName: "Halina", lastName: "Zaproszona", group: GROUPS[1].slug, teryt: "2402072" });
      const lines: ParticipantLine[] = [invitee];
      for (let index = 1; index < 27; index += 1) lines.push(line({ group: GROUPS[index % 3]?.slug ?? "" }));
      const badEmail = line({ firstName: "Ewa", lastName: "Błędna", email: "ewa(at)example.pl" });
      const unknownJst = line({ firstName: "Olga", lastName: "Nieznana", teryt: "", jst: "Gliwicee" });
      const unknownGroup = line({ firstName: "Irena", lastName: "Bezgrupna", group: "GWD Nieistniejąca" });
      lines.push(badEmail, unknownJst, unknownGroup);
      await open(admin, "/moderacja/programy/lista");
      await admin.getByLabel("Plik XLSX albo CSV").setInputFiles({
        name: "uczestnicy.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: await participantXlsx(lines),
      });
      await admin.getByLabel("Edycja programu").selectOption({ label: COHORT });
      await admin.getByRole("button", { name: "Wczytaj i sprawdź" }).click();
      await admin.getByRole("heading", { name: "Podgląd: uczestnicy.xlsx" }).waitFor();
      await waitForAnnouncement(admin, "Wczytano 30 wierszy, 3 do poprawy.");
      await admin.getByText("3 wiersze do poprawy").waitFor();
      await admin.getByLabel("Tylko do poprawy").check();
      await admin.getByText("Widać 3 wiersze.").first().waitFor();
      await expectAccessibleAtBothWidths(admin, "programme-list-preview");

      const fixRow = async (name: string, fill: (form: Locator) => Promise<void>) => {
        const row = admin.locator("li.row", { hasText: name });
        await row.getByRole("button", { name: /^Popraw/ }).click();
        const form = row.getByRole("form");
        await fill(form);
        await form.getByRole("button", { name: "Zapisz wiersz" }).click();
        await waitForAnnouncement(admin, "jest gotowy do wysłania.");
        await row.getByText("Nowa osoba: dostanie zaproszenie.").waitFor();
      };
      await fixRow("Ewa Błędna", async (form) => {
        await form.getByLabel("E-mail").fill(`ewa.${randomUUID().slice(0, 6)}@example.pl`);
      });
      await fixRow("Olga Nieznana", async (form) => {
        await chooseJst(admin, form, "Gliwi", "Gliwice");
      });
      await fixRow("Irena Bezgrupna", async (form) => {
        await form.getByLabel("Grupa").selectOption({ label: GROUPS[2].name });
      });
      await admin.getByText("nic do poprawy").waitFor();
      await admin.getByRole("button", { name: "Wyślij: 30 wierszy" }).click();
      await waitForAnnouncement(admin, "Wysyłanie zakończone: gotowe 30, nieudane 0.", 300_000);
      await saveScreenshot(admin, "desktop-programme-list-sent");

      // The invitee joins from the e-mail the SMTP receiver caught, with the list's data in the form.
      const mail = await smtp.waitForMail(invitee.email, 60_000);
      const token = linkToken(mail, `${PUBLIC_URL}/zaproszenie/`);
      const joinContext = await newContext(browser, "phone");
      contexts.push(joinContext);
      const joiner = await joinContext.newPage();
      await open(joiner, `/zaproszenie/${token}`);
      expect(await joiner.locator("#invite-name").inputValue()).toBe("Halina Zaproszona");
      expect(await joiner.locator("#invite-position").inputValue()).toBe("Inspektorka ds. oświaty");
      await joiner.locator("#invite-password").fill("Jesienne-liscie-nad-Raba-2026");
      await joiner.getByRole("radio", { name: /Pracownik operacyjny/ }).check();
      await joiner.getByRole("button", { name: "Dołącz do grupy" }).click();
      await joiner.waitForURL(`${server.url}/grupy/${GROUPS[1].slug}`);
      await joiner.getByRole("heading", { level: 1, name: GROUPS[1].name }).waitFor();

      // A facilitator named on the roster moderates their group's thread, and only that group's.
      const api = await signedInAgent(server.url, DEMO.admin);
      const groupOf = async (slug: string) =>
        (await api.get(`/api/groups/${slug}`)).body as { categories: { id: string; slug: string }[] };
      const threadIn = async (slug: string, title: string): Promise<string> => {
        const category = (await groupOf(slug)).categories.find((candidate) => candidate.slug === "ogolne");
        const created = await api
          .post(`/api/categories/${category?.id ?? "none"}/threads`)
          .send({ title, body: "Ustalenia po pierwszym spotkaniu.", clientId: randomUUID() });
        expect(created.status).toBe(201);
        return String(created.body.thread.id);
      };
      const ownThread = await threadIn(GROUPS[0].slug, "Harmonogram naboru w grupie 1");
      const otherThread = await threadIn(GROUPS[1].slug, "Harmonogram naboru w grupie 2");
      await open(admin, `/grupy/${GROUPS[0].slug}/osoby`);
      await admin.getByLabel("Szukaj osoby").fill("Anna Kowal");
      await admin.getByRole("button", { name: forWhom("Dodaj do grupy", "Anna Kowalska") }).click();
      await waitForAnnouncement(admin, "Dodano do grupy: Anna Kowalska.");
      await admin.getByRole("button", { name: forWhom("Ustaw jako prowadzącego", "Anna Kowalska") }).click();
      await waitForAnnouncement(admin, "Anna Kowalska prowadzi teraz grupę.");
      await expectAccessibleAtBothWidths(admin, "programme-roster");
      await open(admin, `/grupy/${GROUPS[1].slug}/osoby`);
      await admin.getByLabel("Szukaj osoby").fill("Anna Kowal");
      await admin.getByRole("button", { name: forWhom("Dodaj do grupy", "Anna Kowalska") }).click();
      await waitForAnnouncement(admin, "Dodano do grupy: Anna Kowalska.");

      const facilitator = await signedInPage(DEMO.memberA);
      contexts.push(facilitator.context());
      await open(facilitator, `/watki/${ownThread}`);
      const tools = facilitator.getByRole("button", { name: "Narzędzia moderatora" });
      await tools.click();
      await facilitator.locator("#thread-tools").getByRole("button", { name: "Zamknij z powodem…" }).click();
      const lockDialog = facilitator.getByRole("dialog", { name: "Zamknij wątek" });
      await lockDialog.getByLabel("Powód (widoczny dla wszystkich)").fill("Ustalenia zapadły na spotkaniu");
      await lockDialog.getByRole("button", { name: "Zamknij wątek" }).click();
      await facilitator.getByRole("heading", { name: "Wątek zamknięty" }).waitFor();
      // In the other group Anna is a member only: no tools on screen, and the API refuses the same lock.
      await open(facilitator, `/watki/${otherThread}`);
      await facilitator.getByLabel("Treść odpowiedzi").waitFor();
      expect(await facilitator.getByRole("button", { name: "Narzędzia moderatora" }).count()).toBe(0);
      const refused = await facilitator.evaluate(async (threadId) => {
        const csrf = (await (await fetch("/api/auth/csrf")).json()) as { token: string };
        const response = await fetch(`/api/threads/${threadId}/lock`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": csrf.token },
          body: JSON.stringify({ reason: "Nie moja grupa" }),
        });
        return response.status;
      }, otherThread);
      expect([403, 404]).toContain(refused);

      // A move: the person, with the old group open, hears of it live and loses the old group.
      const moved = await signedInPage(DEMO.memberA, "phone");
      contexts.push(moved.context());
      await open(moved, `/grupy/${GROUPS[0].slug}`);
      await open(admin, `/grupy/${GROUPS[0].slug}/osoby`);
      await admin.getByRole("button", { name: forWhom("Przenieś", "Anna Kowalska") }).click();
      const moveDialog = admin.getByRole("dialog", { name: "Przenieś: Anna Kowalska" });
      await moveDialog.getByLabel("Grupa docelowa").selectOption({ label: `${GROUPS[2].name} (${COHORT})` });
      await moveDialog.getByRole("button", { name: "Przenieś do wybranej grupy" }).click();
      await waitForAnnouncement(admin, `Przeniesiono: Anna Kowalska do grupy ${GROUPS[2].name}.`);
      await waitForAnnouncement(moved, `Dołączono Cię do grupy ${GROUPS[2].name}.`, LIVE_TIMEOUT);
      await waitForAnnouncement(moved, `Nie należysz już do grupy ${GROUPS[0].name}.`, LIVE_TIMEOUT);
      await moved.reload();
      await moved.locator("main h1").first().waitFor();
      expect(await moved.getByRole("heading", { level: 1, name: GROUPS[0].name }).count()).toBe(0);
      await open(moved, `/grupy/${GROUPS[2].slug}`);
      await moved.getByRole("heading", { level: 1, name: GROUPS[2].name }).waitFor();

      // Archived at the end: the members' thread says so and has no composer.
      await open(admin, "/moderacja/programy");
      await admin.getByRole("button", { name: forWhom("Archiwizuj", GROUPS[1].name) }).click();
      const archiveDialog = admin.getByRole("dialog", { name: `Archiwizować grupę ${GROUPS[1].name}?` });
      await expectNoAxeViolations(admin);
      await archiveDialog.getByRole("button", { name: "Archiwizuj grupę" }).click();
      await waitForAnnouncement(admin, `Grupa ${GROUPS[1].name} jest w archiwum.`);
      await open(joiner, `/watki/${otherThread}`);
      await joiner.getByRole("note").getByText("Grupa w archiwum").waitFor();
      expect(await joiner.getByLabel("Treść odpowiedzi").count()).toBe(0);
      expect(await joiner.getByRole("button", { name: "Cytuj" }).count()).toBe(0);
      await expectAccessibleAtBothWidths(joiner, "programme-archived-thread");

      // A member of another group sees none of it: not the groups, their threads or their rosters.
      const outsider = await signedInPage(DEMO.memberB);
      contexts.push(outsider.context());
      for (const path of [`/grupy/${GROUPS[0].slug}`, `/watki/${ownThread}`, `/grupy/${GROUPS[1].slug}/osoby`]) {
        await open(outsider, path);
        expect(await outsider.getByText("Harmonogram naboru").count()).toBe(0);
        expect(await outsider.getByText("Anna Kowalska").count()).toBe(0);
        expect(await outsider.getByRole("heading", { level: 1, name: /Śląsk/ }).count()).toBe(0);
      }
      const hidden = await outsider.evaluate(
        async (threadId) => (await fetch(`/api/threads/${threadId}`)).status,
        ownThread,
      );
      expect(hidden).toBe(404);
    } finally {
      for (const context of contexts) await context.close();
    }
  },
  JOURNEY_TIMEOUT,
);
