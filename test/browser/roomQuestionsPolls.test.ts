import { existsSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, newContext, saveScreenshot, waitForAnnouncement } from "../support/browser.js";
import { csrfTokenOf, signInByApi } from "../support/browserApi.js";
import { DEMO } from "../support/http.js";
import { openRoom, plannedMeetingOf } from "../support/rooms.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

// Jest reads testTimeout only from the top-level config, not from a project: set it per test.
const JOURNEY_TIMEOUT = 180_000;
/** "Within a few seconds": how long one person's action may take to show in another browser. */
const LIVE_TIMEOUT = 10_000;
const PIOTR = "piotr.mazur@demo.forum-jst.pl";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "roomQaBrowser" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

/** A signed-in person's page in the live room, once the room has been joined (the panels are there). */
async function inRoom(email: string, meetingId: string, viewport: "desktop" | "phone" = "desktop"): Promise<Page> {
  const context = await newContext(browser, viewport);
  contexts.push(context);
  await signInByApi(context, server.url, email);
  const page = await context.newPage();
  await page.goto(`${server.url}/spotkania/${meetingId}/pokoj`);
  await page.locator("#room-questions").waitFor({ state: "attached" });
  return page;
}

/** A live meeting of group A of its own (the first still planned: the previous journey's is live now). */
async function liveRoom(): Promise<string> {
  const meetingId = await plannedMeetingOf("gwd-malopolska", 0);
  await openRoom(server.url, meetingId);
  return meetingId;
}

/**
 * WCAG 2.1 A/AA violations in the question and poll panels (and an open dialog). Scoped: the rest
 * of the room page (chat, participants) is the room page's own test's to check.
 */
async function expectNoAxeViolations(page: Page): Promise<void> {
  const dialogOpen = (await page.locator("dialog[open]").count()) > 0;
  const builder = new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .options({ resultTypes: ["violations"] })
    .include("#room-questions")
    .include("#room-polls");
  const results = await (dialogOpen ? builder.include("dialog[open]") : builder).analyze();
  const report = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? "?"}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary ?? ""}`).join("\n"),
  );
  expect(report).toEqual([]);
}

/** Presses Enter on a control reached by focus (keyboard only, no clicks). */
async function press(page: Page, locator: ReturnType<Page["locator"]>, key = "Enter"): Promise<void> {
  await locator.focus();
  await page.keyboard.press(key);
}

describe("questions in the live room", () => {
  it(
    "a member asks, another upvotes, the moderator answers: everyone sees it live, keyboard only",
    async () => {
      const meetingId = await liveRoom();
      const anna = await inRoom(DEMO.memberA, meetingId);
      const piotr = await inRoom(PIOTR, meetingId);
      const moderator = await inRoom(DEMO.moderator, meetingId);
      const text = "Jak rozliczyć dotację na dowóz uczniów?";

      const questions = anna.locator("#room-questions");
      const field = questions.getByLabel("Twoje pytanie");
      await field.focus();
      await anna.keyboard.type(text);
      await expect(questions.getByText(`${text.length} z 500 znaków`).isVisible()).resolves.toBe(true);
      await press(anna, questions.getByRole("button", { name: "Zadaj pytanie" }));
      await waitForAnnouncement(anna, "Pytanie dodane.");
      expect(await field.inputValue()).toBe("");

      // Piotr hears about it and upvotes it.
      await waitForAnnouncement(piotr, `Nowe pytanie od Anna Kowalska: ${text}`, LIVE_TIMEOUT);
      const upvote = piotr.locator("#room-questions").getByRole("button", { name: /Popieram to pytanie/ });
      expect(await upvote.getAttribute("aria-pressed")).toBe("false");
      await press(piotr, upvote);
      await piotr.waitForSelector('#room-questions button[aria-pressed="true"]', { timeout: LIVE_TIMEOUT });
      expect(await upvote.getAttribute("aria-label")).toBe("Popieram to pytanie (1 głos)");
      // The asker sees the count, but no button to vote for her own question.
      await anna
        .locator("#room-questions li", { hasText: text })
        .getByText("(1 głos)")
        .waitFor({ timeout: LIVE_TIMEOUT });
      expect(await questions.getByRole("button", { name: /Popieram/ }).count()).toBe(0);

      // The moderator answers with a note.
      const moderatorQuestions = moderator.locator("#room-questions");
      await moderatorQuestions.getByText(text).waitFor({ timeout: LIVE_TIMEOUT });
      // The button says what it does (answer), not a state ("Odpowiedziano…").
      await press(moderator, moderatorQuestions.getByRole("button", { name: "Odpowiedz…" }));
      const dialog = moderator.getByRole("dialog", { name: "Oznacz pytanie jako odpowiedziane" });
      await dialog.waitFor();
      await expectNoAxeViolations(moderator);
      await moderator.keyboard.type("Wg art. 39 Prawa oświatowego.");
      await press(moderator, dialog.getByRole("button", { name: "Oznacz jako odpowiedziane" }));
      await waitForAnnouncement(moderator, "Pytanie oznaczone jako odpowiedziane.");

      await waitForAnnouncement(anna, `Odpowiedziano na pytanie: ${text}`, LIVE_TIMEOUT);
      const answered = questions.locator("li", { hasText: text });
      await answered.getByText("Odpowiedziano", { exact: true }).waitFor();
      await answered.getByText("Odpowiedź: Wg art. 39 Prawa oświatowego.").waitFor();
      // Answered questions take no more votes.
      await piotr
        .locator("#room-questions li", { hasText: text })
        .getByText("Odpowiedziano", { exact: true })
        .waitFor();
      expect(
        await piotr
          .locator("#room-questions")
          .getByRole("button", { name: /Popieram/ })
          .count(),
      ).toBe(0);

      await expectNoAxeViolations(anna);
      await expectNoAxeViolations(moderator);
      await saveScreenshot(anna, "room-questions-member-desktop");
      await saveScreenshot(moderator, "room-questions-moderator-desktop");
    },
    JOURNEY_TIMEOUT,
  );
});

describe("polls in the live room", () => {
  it(
    "the moderator prepares and opens a poll, two people vote, results follow live, closing is announced",
    async () => {
      const meetingId = await liveRoom();
      const moderator = await inRoom(DEMO.moderator, meetingId);
      const anna = await inRoom(DEMO.memberA, meetingId);
      const piotr = await inRoom(PIOTR, meetingId);
      const question = "Który termin warsztatów?";

      const panel = moderator.locator("#room-polls");
      await press(moderator, panel.getByRole("button", { name: "Nowa ankieta" }));
      await panel.getByLabel("Pytanie ankiety").fill(question);
      await panel.getByLabel("Odpowiedź 1", { exact: true }).fill("Marzec");
      await panel.getByLabel("Odpowiedź 2", { exact: true }).fill("Kwiecień");
      await press(moderator, panel.getByRole("button", { name: "Dodaj odpowiedź" }));
      // Focus moves to the new answer's field.
      await moderator.keyboard.type("Maj");
      expect(await panel.getByLabel("Odpowiedź 3", { exact: true }).inputValue()).toBe("Maj");
      await expectNoAxeViolations(moderator);
      await saveScreenshot(moderator, "room-polls-create-desktop");
      await press(moderator, panel.getByRole("button", { name: "Przygotuj ankietę" }));
      await waitForAnnouncement(moderator, "Ankieta przygotowana.");
      // Participants do not see a prepared poll.
      expect(await anna.locator("#room-polls").getByText(question).count()).toBe(0);
      await press(moderator, panel.getByRole("button", { name: "Otwórz głosowanie" }));

      await waitForAnnouncement(anna, `Otwarto ankietę: ${question}`, LIVE_TIMEOUT);
      const annaPolls = anna.locator("#room-polls");
      const ballot = annaPolls.getByRole("group", { name: question });
      await press(anna, ballot.getByRole("radio", { name: "Kwiecień" }), "Space");
      await press(anna, annaPolls.getByRole("button", { name: "Oddaj głos" }));
      await waitForAnnouncement(anna, "Głos oddany.");
      await annaPolls.getByText("Twój głos: Kwiecień").waitFor();
      await annaPolls.getByText("1 głos (100%)").waitFor();

      await waitForAnnouncement(piotr, `Otwarto ankietę: ${question}`, LIVE_TIMEOUT);
      const piotrPolls = piotr.locator("#room-polls");
      await press(piotr, piotrPolls.getByRole("radio", { name: "Maj" }), "Space");
      await press(piotr, piotrPolls.getByRole("button", { name: "Oddaj głos" }));
      await waitForAnnouncement(piotr, "Głos oddany.");

      // Anna's results move without her doing anything.
      await annaPolls.getByText("Głosowały 2 osoby").waitFor({ timeout: LIVE_TIMEOUT });
      expect(await annaPolls.getByText("1 głos (50%)").count()).toBe(2);
      await panel.getByText("Głosowały 2 osoby").waitFor({ timeout: LIVE_TIMEOUT });
      await expectNoAxeViolations(anna);
      await saveScreenshot(anna, "room-polls-results-desktop");

      await press(moderator, panel.getByRole("button", { name: "Zamknij głosowanie" }));
      await waitForAnnouncement(anna, `Zamknięto ankietę: ${question}`, LIVE_TIMEOUT);
      await annaPolls.getByText("Zamknięta").waitFor();
      await expectNoAxeViolations(moderator);
    },
    JOURNEY_TIMEOUT,
  );
});

describe("at 360 px", () => {
  it(
    "a member votes in a poll whose results wait for its closing, and asks a question, in the phone tabs",
    async () => {
      const meetingId = await liveRoom();
      const moderatorContext = await newContext(browser, "desktop");
      contexts.push(moderatorContext);
      await signInByApi(moderatorContext, server.url, DEMO.moderator);
      const headers = { "x-csrf-token": await csrfTokenOf(moderatorContext, server.url) };
      const created = await moderatorContext.request.post(`${server.url}/api/meetings/${meetingId}/room/polls`, {
        data: {
          question: "Czy sala była wygodna?",
          options: ["Tak", "Nie", "Trudno powiedzieć"],
          multiple: true,
          resultsVisibility: "afterClose",
        },
        headers,
      });
      const pollId = ((await created.json()) as { poll: { id: string } }).poll.id;
      await moderatorContext.request.post(`${server.url}/api/meetings/${meetingId}/room/polls/${pollId}/open`, {
        headers,
      });

      const anna = await inRoom(DEMO.memberA, meetingId, "phone");
      await press(anna, anna.getByRole("tab", { name: "Czat" }));
      await anna.keyboard.press("ArrowRight");
      await anna.keyboard.press("ArrowRight");
      const polls = anna.locator("#room-polls");
      await polls.getByRole("checkbox", { name: "Tak" }).waitFor();
      await press(anna, polls.getByRole("checkbox", { name: "Tak" }), "Space");
      await press(anna, polls.getByRole("checkbox", { name: "Trudno powiedzieć" }), "Space");
      await expectNoAxeViolations(anna);
      await press(anna, polls.getByRole("button", { name: "Oddaj głos" }));
      await waitForAnnouncement(anna, "Głos oddany.");
      await polls.getByText("Wyniki po zamknięciu ankiety.").waitFor();
      await polls.getByText("Twój głos: Tak, Trudno powiedzieć").waitFor();
      await saveScreenshot(anna, "room-polls-member-phone");
      expect(await anna.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      await press(anna, anna.getByRole("tab", { name: "Ankiety" }), "ArrowLeft");
      const questions = anna.locator("#room-questions");
      await questions.getByLabel("Twoje pytanie").fill("Czy będzie kolejna sesja online?");
      await press(anna, questions.getByRole("button", { name: "Zadaj pytanie" }));
      await waitForAnnouncement(anna, "Pytanie dodane.");
      await questions.getByText("Czy będzie kolejna sesja online?").waitFor();
      await expectNoAxeViolations(anna);
      await saveScreenshot(anna, "room-questions-member-phone");
      expect(await anna.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      const moderator = await inRoom(DEMO.moderator, meetingId, "phone");
      await press(moderator, moderator.getByRole("tab", { name: "Czat" }));
      await moderator.keyboard.press("ArrowRight");
      await moderator.keyboard.press("ArrowRight");
      await press(moderator, moderator.locator("#room-polls").getByRole("button", { name: "Nowa ankieta" }));
      // The moderator sees the results at once, before closing.
      await moderator.locator("#room-polls").getByText("Głosowała 1 osoba").waitFor();
      await expectNoAxeViolations(moderator);
      await saveScreenshot(moderator, "room-polls-moderator-phone");
      expect(await moderator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    },
    JOURNEY_TIMEOUT,
  );
});
