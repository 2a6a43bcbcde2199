import { existsSync } from "node:fs";
import type { Browser, BrowserContext } from "playwright-core";
import type { GroupMeetingsView } from "@forum/shared";
import { expectAccessibleAtBothWidths, launchBrowser, newContext } from "../support/browser.js";
import { signInByApi } from "../support/browserApi.js";
import { DEMO } from "../support/http.js";
import { answerBothDays, SIGN_UP_MODE_LABEL } from "../support/sessionPlan.js";
import { startTestServer } from "../support/testServer.js";

const JOURNEY_TIMEOUT = 180_000;
const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const MAGDALENA = "magdalena.wojcik@demo.forum-jst.pl";

let server: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "meeting-sign-up-browser" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A member opens the session's page and answers both days the same way. */
async function signUp(
  context: BrowserContext,
  meetingId: string,
  mode: keyof typeof SIGN_UP_MODE_LABEL,
  axeName?: string,
) {
  const page = await context.newPage();
  await page.goto(`${server.url}/spotkania/${meetingId}`);
  await page.getByRole("heading", { name: "Zapisy na spotkanie" }).waitFor();
  expect(await page.locator(".my-status").textContent()).toBe("Nie odpowiedziano");
  if (axeName) await expectAccessibleAtBothWidths(page, axeName);
  await answerBothDays(page, mode);
  await page
    .locator(".my-status")
    .getByText(
      mode === "absent"
        ? "Zapisano: dzień 1 nie będę, dzień 2 nie będę"
        : `Zapisano: dzień 1 ${SIGN_UP_MODE_LABEL[mode]}, dzień 2 ${SIGN_UP_MODE_LABEL[mode]}`,
    )
    .waitFor();
  return page;
}

it(
  "three members sign up (on site, online, not coming); the moderator sees the counts and who has not answered",
  async () => {
    const contexts = await Promise.all([
      newContext(browser, "desktop"),
      newContext(browser, "desktop"),
      newContext(browser, "desktop"),
      newContext(browser, "desktop"),
    ]);
    const [anna, piotr, magdalena, moderator] = contexts;
    if (!anna || !piotr || !magdalena || !moderator) throw new Error("no browser contexts");
    try {
      await signInByApi(anna, server.url, DEMO.memberA);
      await signInByApi(piotr, server.url, PIOTR);
      await signInByApi(magdalena, server.url, MAGDALENA);
      await signInByApi(moderator, server.url, DEMO.moderator);
      const listed = (await (
        await anna.request.get(`${server.url}/api/groups/gwd-malopolska/meetings`)
      ).json()) as GroupMeetingsView;
      const meeting = listed.upcoming.find((candidate) => candidate.status === "planned");
      if (!meeting) throw new Error("no planned session");

      const annaPage = await signUp(anna, meeting.id, "onsite", "meeting-sign-up-form");
      await expectAccessibleAtBothWidths(annaPage, "meeting-sign-up-saved");
      await signUp(piotr, meeting.id, "online");
      await signUp(magdalena, meeting.id, "absent");

      // My status on the group page's list.
      await annaPage.goto(`${server.url}/grupy/gwd-malopolska`);
      await annaPage.getByText("Zapisano: dzień 1 na miejscu, dzień 2 na miejscu").first().waitFor();

      const page = await moderator.newPage();
      await page.goto(`${server.url}/spotkania/${meeting.id}`);
      await page.getByRole("heading", { name: "Zapisy uczestników" }).waitFor();
      const counts = page.getByRole("table", { name: "Liczba osób według dnia i sposobu udziału" });
      // The panel's figures arrive after its heading: wait for them before reading the cells.
      await counts.getByRole("row", { name: /Dzień 2/ }).waitFor();
      const day1 = await counts
        .getByRole("row", { name: /Dzień 1/ })
        .getByRole("cell")
        .allTextContents();
      expect(day1).toEqual(["1", "1", "1"]);
      const day2 = await counts
        .getByRole("row", { name: /Dzień 2/ })
        .getByRole("cell")
        .allTextContents();
      expect(day2).toEqual(["1", "1", "1"]);
      const silent = await page.locator(".not-answered li").allTextContents();
      expect(silent).toEqual(expect.arrayContaining(["Jan Krawczyk", "Barbara Lis"]));
      expect(silent).not.toContain("Anna Kowalska");
      await page.getByText("2 osoby nie odpowiedziały.").waitFor();
      await page.getByRole("button", { name: "Wyślij przypomnienie" }).waitFor();
      await expectAccessibleAtBothWidths(page, "meeting-registrations-panel");
    } finally {
      await Promise.all(contexts.map((context) => context.close()));
    }
  },
  JOURNEY_TIMEOUT,
);
