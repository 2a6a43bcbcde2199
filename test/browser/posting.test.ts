import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectAccessibleAtBothWidths, launchBrowser, newContext, waitForAnnouncement } from "../support/browser.js";
import { categoryIdOf, signInByApi as signIn } from "../support/browserApi.js";
import { startTestServer } from "../support/testServer.js";

// Two members of the same demo group (gwd-malopolska).
const ANNA = { email: "anna.kowalska@demo.forum-jst.pl", name: "Anna Kowalska" };
const PIOTR = { email: "piotr.mazur@demo.forum-jst.pl", name: "Piotr Mazur" };
const GROUP_SLUG = "gwd-malopolska";
const DISCUSSION = { slug: "dyskusje", name: "Dyskusje między sesjami" };

// Jest reads testTimeout only from the top-level config, not from a project: set it per test.
const JOURNEY_TIMEOUT = 150_000;
/** "Within a few seconds": how long a live change may take to show up in the other browser. */
const LIVE_TIMEOUT = 5_000;

let server: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "posting" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const signInByApi = (context: BrowserContext, email: string) => signIn(context, server.url, email);
const categoryId = (context: BrowserContext, slug: string) => categoryIdOf(context, server.url, GROUP_SLUG, slug);

/** Runs axe at the desktop width and at 360 px, and leaves the page at `viewport`. */

/** Waits until the page's socket has joined the thread's room (its join was acknowledged). */
function nextJoin(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on("websocket", (socket) => {
      socket.on("framereceived", ({ payload }) => {
        if (typeof payload === "string" && /^43\d*\[\{"ok":true/.test(payload)) resolve();
      });
    });
  });
}

it(
  "creates a thread from the keyboard, edits, reacts and deletes, and the other member sees it live",
  async () => {
    const annaContext = await newContext(browser, "desktop");
    const piotrContext = await newContext(browser, "desktop");
    try {
      await signInByApi(annaContext, ANNA.email);
      await signInByApi(piotrContext, PIOTR.email);
      const discussion = await categoryId(annaContext, DISCUSSION.slug);

      // Anna writes a new thread with the keyboard only.
      const anna = await annaContext.newPage();
      await anna.goto(`${server.url}/kategorie/${discussion}`);
      await anna.getByRole("heading", { name: DISCUSSION.name, level: 1 }).waitFor();
      const newThread = anna.getByRole("button", { name: "Nowy wątek" });
      await newThread.focus();
      await anna.keyboard.press("Enter");
      const titleField = anna.getByLabel("Tytuł wątku");
      await titleField.waitFor();
      expect(await anna.evaluate(() => document.activeElement?.id)).toBe("new-thread-title");
      const title = "Raporty z diagnozy dla rad rodziców";
      const original = "Jak często wysyłacie radom rodziców **raport** z diagnozy?";
      await anna.keyboard.type(title);
      // Past the (closed) tag picker to the first post.
      await anna.keyboard.press("Tab");
      expect(await anna.evaluate(() => document.activeElement?.id)).toBe("thread-tags");
      await anna.keyboard.press("Tab");
      expect(await anna.evaluate(() => document.activeElement?.id)).toBe("new-thread-body");
      await anna.keyboard.type(original);
      // The live preview renders the markdown as the post will look.
      await anna.locator("#new-thread-preview strong", { hasText: "raport" }).waitFor();
      await expectAccessibleAtBothWidths(anna, "category-composer");

      // The draft survives a reload (typed text is never lost) and keeps its clientId.
      const draftBefore = await anna.evaluate((id) => localStorage.getItem(`forum.draft.category.${id}`), discussion);
      await anna.reload();
      await anna.getByText("Przywrócono niewysłany szkic wątku.").waitFor();
      expect(await anna.getByLabel("Tytuł wątku").inputValue()).toBe(title);
      expect(await anna.getByLabel("Pierwszy wpis").inputValue()).toBe(original);
      expect(await anna.evaluate((id) => localStorage.getItem(`forum.draft.category.${id}`), discussion)).toBe(
        draftBefore,
      );

      await anna.getByLabel("Pierwszy wpis").focus();
      // From the text: the attach button, then sending.
      await anna.keyboard.press("Tab");
      expect(await anna.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Dołącz plik");
      await anna.keyboard.press("Tab");
      expect(await anna.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Utwórz wątek");
      await anna.keyboard.press("Enter");
      await anna.waitForURL("**/watki/*");
      await anna.getByRole("heading", { name: title, level: 1 }).waitFor();
      await waitForAnnouncement(anna, `Utworzono wątek ${title}`);
      expect(await anna.evaluate((id) => localStorage.getItem(`forum.draft.category.${id}`), discussion)).toBeNull();
      const threadPath = new URL(anna.url()).pathname;

      // Anna adds a reply (to delete later); Piotr opens the thread and listens.
      const reply = "Uzupełnienie: raport wysyłamy też dyrektorom.";
      await anna.getByLabel("Treść odpowiedzi").fill(reply);
      await anna.getByRole("button", { name: "Podgląd" }).click();
      await anna.locator("#reply-" + threadPath.split("/").pop() + "-preview", { hasText: reply }).waitFor();
      await anna.getByRole("button", { name: "Wyślij odpowiedź" }).click();
      await anna.locator("article.post", { hasText: reply }).waitFor();

      const piotr = await piotrContext.newPage();
      const piotrJoined = nextJoin(piotr);
      await piotr.goto(`${server.url}${threadPath}`);
      await piotr.locator("article.post", { hasText: reply }).waitFor();
      await piotrJoined;

      // Piotr may react but not edit or delete Anna's posts.
      const piotrFirst = piotr.locator("article.post").first();
      expect(await piotrFirst.getByRole("button", { name: "Edytuj" }).count()).toBe(0);
      expect(await piotrFirst.getByRole("button", { name: "Usuń" }).count()).toBe(0);

      // Anna edits her first post; Cancel first restores it untouched.
      const annaFirst = anna.locator("article.post").first();
      await annaFirst.getByRole("button", { name: "Edytuj" }).click();
      const editor = annaFirst.getByLabel("Nowa treść wpisu");
      expect(await editor.inputValue()).toBe(original);
      await editor.fill("To zniknie.");
      await annaFirst.getByRole("button", { name: "Anuluj" }).click();
      await annaFirst.getByText("raport z diagnozy").waitFor();
      await annaFirst.getByRole("button", { name: "Edytuj" }).click();
      expect(await editor.inputValue()).toBe(original);
      const edited = "Jak często wysyłacie radom rodziców **raport** z diagnozy?\nU nas co kwartał.";
      await editor.fill(edited);
      await annaFirst.getByRole("button", { name: "Zapisz zmiany" }).click();
      await annaFirst.getByText("U nas co kwartał.").waitFor();
      await waitForAnnouncement(anna, "Zapisano zmiany we wpisie");

      // Piotr sees the edit live, announced politely, with the "(edytowany)" marker.
      await piotrFirst.getByText("U nas co kwartał.").waitFor({ timeout: LIVE_TIMEOUT });
      await waitForAnnouncement(piotr, `${ANNA.name} zmienił(a) swój wpis`, LIVE_TIMEOUT);
      await piotrFirst.getByRole("button", { name: /edytowany .* pokaż historię zmian/ }).waitFor();

      // Anna opens the history: both versions, with the editor's name.
      await annaFirst.getByRole("button", { name: /edytowany .* pokaż historię zmian/ }).click();
      const history = anna.getByRole("dialog", { name: "Historia zmian wpisu" });
      await history.getByRole("heading", { name: "Wersja 1 (pierwotna)" }).waitFor();
      await history.getByRole("heading", { name: "Wersja 2" }).waitFor();
      expect(await history.locator("pre", { hasText: original }).count()).toBeGreaterThan(0);
      expect(await history.locator("ins", { hasText: "U nas co kwartał." }).count()).toBe(1);
      expect(await history.getByText(ANNA.name).count()).toBeGreaterThan(0);
      await expectAccessibleAtBothWidths(anna, "thread-history");
      await anna.keyboard.press("Escape");
      await history.waitFor({ state: "hidden" });

      // Piotr likes the post; Anna sees the count change live.
      const piotrLike = piotrFirst.getByRole("button", { name: /^Lubię to, 0 osób/ });
      expect(await piotrLike.getAttribute("aria-pressed")).toBe("false");
      await piotrLike.click();
      // The live push of the new count may arrive before the answer that marks the reaction as his.
      await piotrFirst.getByRole("button", { name: /^Lubię to, 1 osoba/, pressed: true }).waitFor();
      const annaLike = annaFirst.getByRole("button", { name: /^Lubię to, 1 osoba/ });
      await annaLike.waitFor({ timeout: LIVE_TIMEOUT });
      expect(await annaLike.getAttribute("aria-pressed")).toBe("false");

      // Anna deletes her reply after confirming; Piotr sees the note live.
      const annaReply = anna.locator("article.post", { hasText: reply });
      await annaReply.getByRole("button", { name: "Usuń" }).click();
      const confirm = anna.getByRole("dialog", { name: "Usunąć wpis?" });
      await confirm.getByRole("button", { name: "Usuń wpis" }).click();
      await anna.getByText("Wpis usunięty przez autora.").waitFor();
      await piotr.getByText("Wpis usunięty przez autora.").waitFor({ timeout: LIVE_TIMEOUT });
      expect(await piotr.locator("article.post", { hasText: reply }).count()).toBe(0);
      await waitForAnnouncement(piotr, `${ANNA.name} usunął(-ęła) swój wpis`, LIVE_TIMEOUT);

      await expectAccessibleAtBothWidths(piotr, "thread-edited-reacted");
      await expectAccessibleAtBothWidths(anna, "thread-own-posts");
    } finally {
      await annaContext.close();
      await piotrContext.close();
    }
  },
  JOURNEY_TIMEOUT,
);
