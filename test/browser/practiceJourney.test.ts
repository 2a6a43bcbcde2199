import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, newContext, saveScreenshot, waitForAnnouncement } from "../support/browser.js";
import { categoryIdOf, csrfTokenOf, signInByApi } from "../support/browserApi.js";
import { DEMO } from "../support/http.js";
import { startTestServer } from "../support/testServer.js";

const TIMEOUT = 300_000;
const THREAD_TITLE = "Mobilna pracownia robotyki dla szkół gminy";
const TAG = { slug: "kompetencje-cyfrowe", name: "Kompetencje cyfrowe" };

let server: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "practice-journey" });
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
      body: "Kupiliśmy jedną mobilną pracownię robotyki, która co miesiąc odwiedza inną szkołę.",
      clientId: randomUUID(),
    },
    headers: { "x-csrf-token": await csrfTokenOf(context, server.url) },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { thread: { id: string } }).thread.id;
}

async function openPractice(page: Page, practiceId: string): Promise<void> {
  await page.goto(`${server.url}/praktyki/${practiceId}`);
  await page.getByRole("heading", { level: 1, name: THREAD_TITLE, exact: true }).waitFor();
}

async function review(page: Page, verdict: "Do poprawy" | "Rekomendacja do publikacji", opinion: string) {
  await page.getByLabel(verdict).check();
  await page.getByLabel("Opinia", { exact: true }).fill(opinion);
  await page.getByRole("button", { name: "Zapisz opinię" }).click();
  await waitForAnnouncement(page, "Zapisano opinię eksperta.");
}

/** How many published practices the network page's map table counts for a voivodeship (visitors see it too). */
async function mapPracticeCount(page: Page, voivodeship: string): Promise<number> {
  await page.goto(`${server.url}/siec`);
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${voivodeship}$`, "i") }) });
  // Columns: JSTs, practices, links.
  const cell = row.getByRole("cell").nth(1);
  await cell.waitFor();
  return Number((await cell.textContent())?.replace(/\D/g, "") ?? "NaN");
}

it(
  "a member writes a practice from a thread and submits it; an expert returns it with comments; the member revises and resubmits; the expert recommends; a moderator publishes it as public; a visitor finds it in the library, under its tag and in the map's count",
  async () => {
    const member = await newContext(browser, "desktop");
    const expert = await newContext(browser, "desktop");
    const moderator = await newContext(browser, "desktop");
    const visitor = await newContext(browser, "desktop");
    try {
      await signInByApi(member, server.url, DEMO.memberA);
      await signInByApi(expert, server.url, DEMO.expert);
      await signInByApi(moderator, server.url, DEMO.moderator);
      const threadId = await startThread(member);
      const visitorPage = await visitor.newPage();
      const countBefore = await mapPracticeCount(visitorPage, "małopolskie");

      // The member writes the practice from the thread and submits it.
      const page = await member.newPage();
      await page.goto(`${server.url}/watki/${threadId}`);
      await page.getByRole("link", { name: "Opisz jako dobrą praktykę" }).first().click();
      await page.getByRole("button", { name: "Utwórz szkic" }).click();
      await page.getByRole("heading", { level: 1, name: `Edycja: ${THREAD_TITLE}` }).waitFor();
      await page.getByLabel("Co zostało zrobione").fill("Wspólny zakup pracowni i harmonogram jej wizyt w szkołach.");
      await page.getByText(/^Tagi/).first().click();
      await page.getByLabel(TAG.name).check();
      await page.getByRole("button", { name: "Zapisz wersję" }).click();
      await page.getByRole("heading", { level: 1, name: THREAD_TITLE, exact: true }).waitFor();
      const practiceId = new URL(page.url()).pathname.split("/").pop() ?? "";
      await page.getByRole("button", { name: "Prześlij do recenzji" }).click();
      await waitForAnnouncement(page, "Praktyka została przesłana do recenzji.");

      // The expert takes it and returns it with comments.
      const expertPage = await expert.newPage();
      await openPractice(expertPage, practiceId);
      await expertPage.getByRole("button", { name: "Podejmij recenzję" }).click();
      await waitForAnnouncement(expertPage, "Podjęto recenzję praktyki.");
      await review(expertPage, "Do poprawy", "Proszę opisać rezultaty: ilu uczniów skorzystało z pracowni?");
      await expertPage.getByText("Zwrócona do poprawy", { exact: true }).first().waitFor();

      // The member reads the comments, revises and resubmits.
      await openPractice(page, practiceId);
      await page.getByText("Proszę opisać rezultaty").waitFor();
      await page.getByRole("link", { name: "Edytuj" }).click();
      await page.waitForURL(/\/edycja$/);
      await page
        .getByRole("textbox", { name: "Rezultaty i dowody" })
        .fill("Z pracowni skorzystało 640 uczniów z 8 szkół.");
      await page.getByLabel("Opis zmiany (opcjonalnie)").fill("Uzupełniono rezultaty według uwag eksperta");
      await page.getByRole("button", { name: "Zapisz wersję" }).click();
      await waitForAnnouncement(page, "Zapisano wersję 3.");
      await page.getByRole("button", { name: "Prześlij do recenzji" }).click();
      await waitForAnnouncement(page, "Praktyka została przesłana do recenzji.");

      // The expert recommends it.
      await openPractice(expertPage, practiceId);
      await review(expertPage, "Rekomendacja do publikacji", "Rezultaty są teraz mierzalne. Rekomenduję publikację.");

      // A moderator finds it waiting for publication, publishes it and makes it public.
      const moderatorPage = await moderator.newPage();
      await moderatorPage.goto(`${server.url}/praktyki`);
      await moderatorPage.getByRole("tab", { name: /Do publikacji/ }).click();
      await moderatorPage.getByRole("tabpanel").getByRole("link", { name: THREAD_TITLE }).click();
      await moderatorPage.getByLabel("Udostępnij także niezalogowanym (publiczna)").check();
      await moderatorPage.getByRole("button", { name: "Opublikuj", exact: true }).click();
      await waitForAnnouncement(moderatorPage, "Praktyka została opublikowana.");
      await moderatorPage.getByText("Publiczna", { exact: true }).first().waitFor();

      // A visitor finds it in the public library and opens it.
      await visitorPage.goto(`${server.url}/biblioteka`);
      await visitorPage.getByRole("link", { name: THREAD_TITLE }).click();
      await visitorPage.getByRole("heading", { level: 1, name: THREAD_TITLE, exact: true }).waitFor();
      await visitorPage.getByRole("heading", { name: "Opinia eksperta" }).waitFor();
      await saveScreenshot(visitorPage, "journey-public-practice");

      // It appears under its tag.
      await visitorPage.goto(`${server.url}/tagi/${TAG.slug}`);
      await visitorPage.getByRole("link", { name: THREAD_TITLE }).waitFor();

      // And the map counts one more practice in its voivodeship.
      expect(await mapPracticeCount(visitorPage, "małopolskie")).toBe(countBefore + 1);
    } finally {
      await member.close();
      await expert.close();
      await moderator.close();
      await visitor.close();
    }
  },
  TIMEOUT,
);
