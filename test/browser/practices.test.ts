import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import type { Browser, BrowserContext } from "playwright-core";
import type { PracticeListsView } from "@forum/shared";
import {
  expectAccessibleAtBothWidths,
  launchBrowser,
  newContext,
  saveScreenshot,
  waitForAnnouncement,
} from "../support/browser.js";
import { categoryIdOf, csrfTokenOf, signInByApi } from "../support/browserApi.js";
import { DEMO } from "../support/http.js";
import { startTestServer } from "../support/testServer.js";

const TIMEOUT = 240_000;
const THREAD_TITLE = "Sieć nauczycieli przyrody w gminie";

let server: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "practices-browser" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function startThread(context: BrowserContext): Promise<string> {
  const categoryId = await categoryIdOf(context, server.url, "gwd-malopolska", "dyskusje");
  const response = await context.request.post(`${server.url}/api/categories/${categoryId}/threads`, {
    data: {
      title: THREAD_TITLE,
      body: "Od roku nauczyciele przyrody z pięciu szkół spotykają się co miesiąc i **wymieniają doświadczenia**.",
      clientId: randomUUID(),
    },
    headers: { "x-csrf-token": await csrfTokenOf(context, server.url) },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { thread: { id: string } }).thread.id;
}

it(
  "a member describes a thread as a practice (autosaved editor), submits it by keyboard; the page prints cleanly; an expert returns it with an opinion from the queue; versions show the changes; a visitor reads a public practice",
  async () => {
    const member = await newContext(browser, "desktop");
    const expert = await newContext(browser, "desktop");
    const visitor = await newContext(browser, "phone");
    try {
      await signInByApi(member, server.url, DEMO.memberA);
      await signInByApi(expert, server.url, DEMO.expert);
      const threadId = await startThread(member);

      // From the thread: the author sees the action, starts a draft prefilled from the opening post.
      const page = await member.newPage();
      await page.goto(`${server.url}/watki/${threadId}`);
      await page.getByRole("heading", { level: 1, name: THREAD_TITLE }).waitFor();
      await page.getByRole("link", { name: "Opisz jako dobrą praktykę" }).first().click();
      await page.getByRole("heading", { level: 1, name: "Nowa dobra praktyka" }).waitFor();
      await page.getByRole("button", { name: "Utwórz szkic" }).click();
      await page.getByRole("heading", { level: 1, name: `Edycja: ${THREAD_TITLE}` }).waitFor();
      expect(await page.getByLabel("Kontekst i problem").inputValue()).toContain("**wymieniają doświadczenia**");
      // The author's own JST is proposed.
      await page
        .getByRole("button", { name: /^Usuń / })
        .first()
        .waitFor();

      // What is typed survives a reload (kept in this browser until saved).
      await page.getByLabel("Co zostało zrobione").fill("Comiesięczne spotkania, wspólne scenariusze doświadczeń.");
      await page.getByLabel("Rezultaty i dowody").fill("Więcej zajęć terenowych w każdej szkole.");
      await page.waitForTimeout(300);
      await page.reload();
      await page.getByRole("heading", { level: 1, name: `Edycja: ${THREAD_TITLE}` }).waitFor();
      await waitForAnnouncement(page, "Przywrócono niezapisane zmiany");
      expect(await page.getByLabel("Co zostało zrobione").inputValue()).toBe(
        "Comiesięczne spotkania, wspólne scenariusze doświadczeń.",
      );
      await expectAccessibleAtBothWidths(page, "practice-editor");

      // A bad e-mail is refused with a summary that takes focus; nothing typed is lost.
      await page.getByLabel("E-mail").fill("nie-adres");
      await page.getByRole("button", { name: "Zapisz wersję" }).click();
      await page.getByRole("link", { name: "Podaj prawidłowy adres e-mail osoby kontaktowej." }).waitFor();
      expect(await page.getByLabel("Co zostało zrobione").inputValue()).toContain("Comiesięczne");
      await page.getByLabel("E-mail").fill("anna.kowalska@example.pl");
      await page.getByRole("button", { name: "Zapisz wersję" }).click();
      await page.getByRole("heading", { level: 1, name: THREAD_TITLE, exact: true }).waitFor();
      await waitForAnnouncement(page, "Zapisano wersję 2.");
      const practiceId = new URL(page.url()).pathname.split("/").pop() ?? "";
      await page.getByRole("link", { name: `Z wątku „${THREAD_TITLE}”` }).waitFor();

      // Keyboard only: the submit button is reached with Tab and pressed with Enter.
      const submit = page.getByRole("button", { name: "Prześlij do recenzji" });
      await page.getByRole("link", { name: "Edytuj" }).focus();
      await page.keyboard.press("Tab");
      expect(await submit.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.press("Enter");
      await waitForAnnouncement(page, "Praktyka została przesłana do recenzji.");
      await page.getByText("Przesłana do recenzji", { exact: true }).first().waitFor();
      await expectAccessibleAtBothWidths(page, "practice-page");

      // Printed: only the document and the address it came from.
      await page.emulateMedia({ media: "print" });
      await saveScreenshot(page, "print-practice-page");
      expect(await page.locator(".site-header").isVisible()).toBe(false);
      expect(await page.getByRole("button", { name: "Drukuj / zapisz PDF" }).isVisible()).toBe(false);
      expect(await page.getByText(`/praktyki/${practiceId}`).isVisible()).toBe(true);
      expect(await page.getByRole("heading", { name: "Co zostało zrobione" }).isVisible()).toBe(true);
      await page.emulateMedia({ media: "screen" });

      // The thread now links to the practice.
      await page.goto(`${server.url}/watki/${threadId}`);
      await page.getByRole("heading", { name: "Dobre praktyki z tego wątku" }).waitFor();

      // The expert's queue: tabs work with arrow keys.
      const expertPage = await expert.newPage();
      await expertPage.goto(`${server.url}/praktyki`);
      await expertPage.getByRole("tab", { name: /Moje praktyki/ }).focus();
      await expertPage.keyboard.press("ArrowRight");
      const queueTab = expertPage.getByRole("tab", { name: /Do recenzji/ });
      expect(await queueTab.getAttribute("aria-selected")).toBe("true");
      await expectAccessibleAtBothWidths(expertPage, "practices-queue");
      await expertPage.getByRole("tabpanel").getByRole("link", { name: THREAD_TITLE }).click();
      await expertPage.getByRole("button", { name: "Podejmij recenzję" }).click();
      await waitForAnnouncement(expertPage, "Podjęto recenzję praktyki.");
      await expertPage.getByText("Recenzuje: dr Ewa Zielińska").waitFor();
      await expertPage.getByLabel("Do poprawy").check();
      await expertPage
        .getByLabel("Opinia", { exact: true })
        .fill("Proszę dopisać koszty i sposób mierzenia rezultatów.");
      await expertPage.getByRole("button", { name: "Zapisz opinię" }).click();
      await waitForAnnouncement(expertPage, "Zapisano opinię eksperta.");
      await expertPage.getByText("Zwrócona do poprawy", { exact: true }).first().waitFor();
      await expertPage.getByRole("heading", { name: "dr Ewa Zielińska — Do poprawy" }).waitFor();

      // The author's version history shows what changed in version 2.
      await page.goto(`${server.url}/praktyki/${practiceId}/wersje`);
      await page.getByRole("button", { name: "Wersja 2" }).click();
      const changes = page.getByRole("heading", { name: "Zmiany w wersji 2" });
      await changes.waitFor();
      expect(await changes.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(await page.locator("ins").first().textContent()).toContain("Comiesięczne");
      await expectAccessibleAtBothWidths(page, "practice-versions");

      // A visitor reads a seeded public practice: no action panel, the expert's recommendation shown.
      const lists = (await (await member.request.get(`${server.url}/api/practices`)).json()) as PracticeListsView;
      const publicPractice = lists.mine.find((practice) => practice.status === "published" && practice.isPublic);
      expect(publicPractice).toBeDefined();
      const visitorPage = await visitor.newPage();
      await visitorPage.goto(`${server.url}/praktyki/${publicPractice?.id}`);
      await visitorPage.getByRole("heading", { level: 1, name: publicPractice?.title }).waitFor();
      await visitorPage.getByRole("heading", { name: "Opinia eksperta" }).waitFor();
      expect(await visitorPage.getByRole("heading", { name: "Co dalej" }).count()).toBe(0);
      await expectAccessibleAtBothWidths(visitorPage, "practice-public");
    } finally {
      await member.close();
      await expert.close();
      await visitor.close();
    }
  },
  TIMEOUT,
);
