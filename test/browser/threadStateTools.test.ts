import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { Event } from "../../server/src/models/Event.js";
import {
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  openThreadTools,
  saveScreenshot,
  VIEWPORTS,
  waitForAnnouncement,
} from "../support/browser.js";
import { categoryIdOf, csrfTokenOf, signInByApi } from "../support/browserApi.js";
import { DEMO } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

// Jest reads testTimeout only from the top-level config, not from a project: set it per test.
const JOURNEY_TIMEOUT = 180_000;
/** "Within a few seconds": how long a moderator's change may take to show in the other browser. */
const LIVE_TIMEOUT = 5_000;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "threadStateTools" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A new thread by the member (through the API), to keep the journeys apart. */
async function startThread(context: BrowserContext, title: string): Promise<string> {
  const categoryId = await categoryIdOf(context, server.url, "gwd-malopolska", "dyskusje");
  const response = await context.request.post(`${server.url}/api/categories/${categoryId}/threads`, {
    data: { title, body: "Pierwszy wpis wątku.", clientId: crypto.randomUUID() },
    headers: { "x-csrf-token": await csrfTokenOf(context, server.url) },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { thread: { id: string } }).thread.id;
}

/** Resolves once the page's socket got a yes to joining a thread (live updates flow from then on). */
function nextJoin(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on("websocket", (socket) =>
      socket.on("framereceived", ({ payload }) => {
        if (typeof payload === "string" && /^43\d*\[\{"ok":true/.test(payload)) resolve();
      }),
    );
  });
}

/** Opens a tool from the (already opened) disclosure with the keyboard. */
async function openTool(page: Page, name: string): Promise<void> {
  const button = page.locator("#thread-tools").getByRole("button", { name });
  await button.focus();
  await page.keyboard.press("Enter");
}

describe.each(Object.keys(VIEWPORTS) as Array<keyof typeof VIEWPORTS>)("moderator tools (%s)", (viewport) => {
  it(
    "pin, lock with a reason (seen live by a member), unlock, slow mode, rename and a closing date, keyboard only",
    async () => {
      const memberContext = await newContext(browser, "desktop");
      const moderatorContext = await newContext(browser, viewport);
      try {
        await signInByApi(memberContext, server.url, DEMO.memberA);
        await signInByApi(moderatorContext, server.url, DEMO.moderator);
        const threadId = await startThread(memberContext, `Wątek narzędzi moderatora (${viewport})`);
        const threadUrl = `${server.url}/watki/${threadId}`;

        const member = await memberContext.newPage();
        const memberJoined = nextJoin(member);
        await member.goto(threadUrl);
        await member.getByLabel("Treść odpowiedzi").waitFor();
        await memberJoined;
        expect(await member.getByRole("button", { name: "Narzędzia moderatora" }).count()).toBe(0);

        const moderator = await moderatorContext.newPage();
        await moderator.goto(threadUrl);
        await moderator.getByLabel("Treść odpowiedzi").waitFor();
        await openThreadTools(moderator);
        const toggle = moderator.getByRole("button", { name: "Narzędzia moderatora" });
        await toggle.focus();
        await moderator.keyboard.press("Enter");
        expect(await toggle.getAttribute("aria-expanded")).toBe("true");
        await expectNoAxeViolations(moderator);
        await saveScreenshot(moderator, `${viewport}-thread-tools-open`);

        // Pin for everyone: the dialog's first field (the scope) has focus.
        await openTool(moderator, "Przypnij…");
        const pinDialog = moderator.getByRole("dialog", { name: "Przypnij wątek" });
        await pinDialog.waitFor();
        await moderator.keyboard.press("ArrowDown");
        expect(await pinDialog.getByLabel(/w sekcji „Przypięte”/).isChecked()).toBe(true);
        await expectNoAxeViolations(moderator);
        await saveScreenshot(moderator, `${viewport}-thread-tools-pin-dialog`);
        await pinDialog.getByRole("button", { name: "Przypnij" }).press("Enter");
        await pinDialog.waitFor({ state: "hidden" });
        await moderator.getByText("Przypięty dla wszystkich").first().waitFor();
        await member.getByText("Przypięty dla wszystkich").first().waitFor({ timeout: LIVE_TIMEOUT });

        // Lock with a reason: the member's composer gives way to the notice, live.
        await openTool(moderator, "Zamknij z powodem…");
        const lockDialog = moderator.getByRole("dialog", { name: "Zamknij wątek" });
        await lockDialog.waitFor();
        await moderator.keyboard.press("Tab"); // the empty reason first: the field error shows
        await lockDialog.getByRole("button", { name: "Zamknij wątek" }).press("Enter");
        await lockDialog.getByText("Podaj powód (co najmniej 3 znaki).").waitFor();
        await lockDialog.getByLabel("Powód (widoczny dla wszystkich)").fill("Ustalenia zapadły na sesji");
        await lockDialog.getByRole("button", { name: "Zamknij wątek" }).press("Enter");
        await lockDialog.waitFor({ state: "hidden" });
        await member.getByRole("heading", { name: "Wątek zamknięty" }).waitFor({ timeout: LIVE_TIMEOUT });
        await member.getByText("Powód: Ustalenia zapadły na sesji").first().waitFor();
        await member.getByLabel("Treść odpowiedzi").waitFor({ state: "detached", timeout: LIVE_TIMEOUT });
        await waitForAnnouncement(member, "Moderator zamknął ten wątek", LIVE_TIMEOUT);
        // Moderators keep their composer, with the notice above it.
        await moderator.getByRole("heading", { name: "Wątek zamknięty" }).waitFor();
        expect(await moderator.getByLabel("Treść odpowiedzi").count()).toBe(1);
        await saveScreenshot(member, `${viewport}-thread-locked-member`);
        await expectNoAxeViolations(member);

        // Reopen: the composer comes back for the member.
        await openTool(moderator, "Otwórz ponownie");
        await member.getByLabel("Treść odpowiedzi").waitFor({ timeout: LIVE_TIMEOUT });
        expect(await member.getByRole("heading", { name: "Wątek zamknięty" }).count()).toBe(0);

        // Slow mode: a bad number shows its error, then 30 s is shown to the member.
        await openTool(moderator, "Tryb powolny…");
        const slowDialog = moderator.getByRole("dialog", { name: "Tryb powolny" });
        const seconds = slowDialog.getByLabel("Co najmniej tyle sekund między wpisami jednej osoby");
        await seconds.fill("-5");
        await seconds.press("Enter");
        await slowDialog.getByText("Liczba sekund nie może być ujemna.").waitFor();
        await seconds.fill("30");
        await seconds.press("Enter");
        await slowDialog.waitFor({ state: "hidden" });
        await member
          .getByText("Tryb powolny: jeden wpis na 30 sekund", { exact: true })
          .waitFor({ timeout: LIVE_TIMEOUT });

        // Rename: the member's heading follows.
        await openTool(moderator, "Zmień tytuł i tagi…");
        const editDialog = moderator.getByRole("dialog", { name: "Zmień tytuł i tagi" });
        const title = editDialog.getByLabel("Tytuł", { exact: true });
        await title.fill(`Nowy tytuł po moderacji (${viewport})`);
        await title.press("Enter");
        await editDialog.waitFor({ state: "hidden" });
        await member
          .getByRole("heading", { level: 1, name: `Nowy tytuł po moderacji (${viewport})` })
          .waitFor({ timeout: LIVE_TIMEOUT });
        await saveScreenshot(moderator, `${viewport}-thread-tools-after`);

        // A closing planned a few seconds ahead: announced first, then the open page closes by itself.
        const closesAt = new Date(Date.now() + 4_000).toISOString();
        const scheduled = await moderatorContext.request.put(`${server.url}/api/threads/${threadId}/closes-at`, {
          data: { closesAt },
          headers: { "x-csrf-token": await csrfTokenOf(moderatorContext, server.url) },
        });
        expect(scheduled.status()).toBe(200);
        await member.getByText(/^Zamknie się /).waitFor({ timeout: LIVE_TIMEOUT });
        await member.getByRole("heading", { name: "Wątek zamknięty" }).waitFor({ timeout: 4_000 + LIVE_TIMEOUT });
        await member.getByText(/Powód: Wątek zamknięty /).waitFor();
        await member.getByLabel("Treść odpowiedzi").waitFor({ state: "detached" });

        // The category lists the pinned thread first, with its badge; the home page has it under "Przypięte".
        await moderator
          .getByRole("navigation", { name: "Ścieżka nawigacji" })
          .getByRole("link", { name: "Dyskusje między sesjami" })
          .click();
        const first = moderator.locator(".thread").first();
        await first.getByRole("link", { name: `Nowy tytuł po moderacji (${viewport})` }).waitFor();
        expect(await first.innerText()).toContain("Przypięty dla wszystkich");
        await expectNoAxeViolations(moderator);
        await saveScreenshot(moderator, `${viewport}-category-pinned`);
        await member.goto(`${server.url}/`);
        const pinnedSection = member.getByRole("region", { name: "Przypięte" });
        await pinnedSection.getByRole("link", { name: `Nowy tytuł po moderacji (${viewport})` }).waitFor();
        await expectNoAxeViolations(member);

        const events = await Event.find({ subjectId: threadId }).sort({ createdAt: 1 }).lean();
        const changes = events.filter((event) => event.name !== "threads.create");
        expect(changes.map((event) => event.name)).toEqual([
          "threads.pin",
          "threads.lock",
          "threads.unlock",
          "threads.setSlowMode",
          "threads.edit",
          "threads.scheduleClose",
        ]);
        for (const event of changes) {
          expect(event.data).toEqual(
            expect.objectContaining({ before: expect.any(Object), after: expect.any(Object) }),
          );
          expect(event.ip).toEqual(expect.any(String));
        }
        expect(changes[4]?.data).toMatchObject({ after: { title: `Nowy tytuł po moderacji (${viewport})` } });
      } finally {
        await memberContext.close();
        await moderatorContext.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
