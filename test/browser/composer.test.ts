import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import sharp from "sharp";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { ThreadDetail } from "@forum/shared";
import { expectNoAxeViolations, launchBrowser, newContext, saveScreenshot, VIEWPORTS } from "../support/browser.js";
import { categoryIdOf, csrfTokenOf, signInByApi } from "../support/browserApi.js";
import { startTestServer } from "../support/testServer.js";

const ANNA = "anna.kowalska@demo.forum-jst.pl";
const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const TIMEOUT = 150_000;
const PDF_NAME = "Plan łączenia szkół – gmina Wieliczka.pdf";
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

let server: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "composer" });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedInContext(email: string, viewport: keyof typeof VIEWPORTS = "desktop"): Promise<BrowserContext> {
  const context = await newContext(browser, viewport);
  await signInByApi(context, server.url, email);
  return context;
}

/** A fresh thread in Anna's group, so that tests do not see each other's posts. */
async function startThread(context: BrowserContext, title: string): Promise<string> {
  const category = await categoryIdOf(context, server.url, "gwd-malopolska", "dyskusje");
  const response = await context.request.post(`${server.url}/api/categories/${category}/threads`, {
    data: { title, body: "Wpis otwierający.", clientId: crypto.randomUUID() },
    headers: { "x-csrf-token": await csrfTokenOf(context, server.url) },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { thread: { id: string } }).thread.id;
}

async function openThread(context: BrowserContext, threadId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/watki/${threadId}`);
  await page.getByLabel("Treść odpowiedzi").waitFor();
  return page;
}

/** Resolves once the page's socket has been let into the thread's room. */
function nextJoin(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on("websocket", (socket) => {
      socket.on("framereceived", ({ payload }) => {
        if (typeof payload === "string" && /^43\d*\[\{"ok":true/.test(payload)) resolve();
      });
    });
  });
}

/** Waits up to a few seconds for `read` to give `expected`, then asserts it. */
async function eventually(read: () => Promise<string>, expected: string): Promise<void> {
  const until = Date.now() + 5_000;
  while (Date.now() < until && (await read()) !== expected) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await read()).toBe(expected);
}

async function accessibleAtBothWidths(page: Page, name: string): Promise<void> {
  for (const viewport of ["narrow", "phone", "desktop"] as const) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    await page.getByRole("heading", { name: "Odpowiedz w wątku" }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, `${viewport}-${name}`);
    await expectNoAxeViolations(page);
  }
}

it(
  "attaches a PDF and an image through the composer; the post shows the thumbnail and downloads the PDF by its Polish name",
  async () => {
    const context = await signedInContext(ANNA);
    try {
      const threadId = await startThread(context, "Materiały z sesji w Wieliczce");
      const page = await openThread(context, threadId);
      const reply = page.getByLabel("Treść odpowiedzi");
      await reply.fill("Materiały z sesji:");
      await page.getByRole("button", { name: "Dołącz plik" }).waitFor();
      const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#1f7a4d" } })
        .png()
        .toBuffer();
      await page.locator('input[type="file"]').setInputFiles([
        { name: PDF_NAME, mimeType: "application/pdf", buffer: PDF },
        { name: "sala obrad.png", mimeType: "image/png", buffer: photo },
      ]);
      await page.getByText("Dołączono", { exact: true }).nth(1).waitFor();
      const text = await reply.inputValue();
      expect(text).toMatch(
        /\[Plan łączenia szkół – gmina Wieliczka\.pdf \(\d+ B\)\]\(\/api\/attachments\/[a-f0-9]{24}\)/,
      );
      expect(text).toMatch(
        /\[!\[sala obrad\.png\]\(\/api\/attachments\/[a-f0-9]{24}\/thumbnail\)\]\(\/api\/attachments\/[a-f0-9]{24}\)/,
      );
      await accessibleAtBothWidths(page, "composer-attachments");

      // A file of a type that is not allowed: the reason is shown next to it.
      await page.locator('input[type="file"]').setInputFiles([
        {
          name: "instalator.pdf",
          mimeType: "application/pdf",
          buffer: Buffer.from("MZ\x90\x00" + "\x00".repeat(300)),
        },
      ]);
      await page.getByRole("alert").filter({ hasText: "Nie udało się dołączyć pliku instalator.pdf" }).waitFor();
      expect(await reply.inputValue()).toBe(text);

      await page.getByRole("button", { name: "Wyślij odpowiedź" }).click();
      const post = page.locator(".post-body", { hasText: "Materiały z sesji:" });
      const thumbnail = post.locator('img[src$="/thumbnail"]');
      await thumbnail.waitFor();
      expect(await thumbnail.getAttribute("alt")).toBe("sala obrad.png");
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLImageElement>('img[src$="/thumbnail"]')].some((img) => img.naturalWidth > 0),
      );

      await post.scrollIntoViewIfNeeded();
      await saveScreenshot(page, "desktop-post-with-attachments");

      const link = post.getByRole("link", { name: /Plan łączenia szkół – gmina Wieliczka\.pdf/ });
      // The link opens a new tab in posts; a download needs no tab, so test it in place.
      await link.evaluate((anchor) => anchor.removeAttribute("target"));
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename()).toBe(PDF_NAME);
      expect(Buffer.compare(await readFile((await download.path()) ?? ""), PDF)).toBe(0);
    } finally {
      await context.close();
    }
  },
  TIMEOUT,
);

it(
  "shows the other member that someone is writing a reply",
  async () => {
    const annaContext = await signedInContext(ANNA);
    const piotrContext = await signedInContext(PIOTR);
    try {
      const threadId = await startThread(annaContext, "Kto pisze w tym wątku?");
      const annaPage = await annaContext.newPage();
      const annaJoined = nextJoin(annaPage);
      await annaPage.goto(`${server.url}/watki/${threadId}`);
      await annaJoined;
      const piotrPage = await piotrContext.newPage();
      const piotrJoined = nextJoin(piotrPage);
      await piotrPage.goto(`${server.url}/watki/${threadId}`);
      await piotrJoined;

      await piotrPage.getByLabel("Treść odpowiedzi").pressSequentially("Zaraz odpowiem", { delay: 20 });
      const indicator = annaPage.getByTestId("typing-indicator");
      await indicator.getByText("Piotr Mazur pisze…").waitFor({ timeout: 5_000 });
      // Piotr does not see himself.
      expect(await piotrPage.getByTestId("typing-indicator").innerText()).toBe("");
      await accessibleAtBothWidths(annaPage, "composer-typing");
      // Without further signals it goes away.
      await indicator.getByText("Piotr Mazur pisze…").waitFor({ state: "detached", timeout: 9_000 });
    } finally {
      await annaContext.close();
      await piotrContext.close();
    }
  },
  TIMEOUT,
);

it(
  "brings a draft typed on one device to another after a reload",
  async () => {
    const laptop = await signedInContext(ANNA);
    const phone = await signedInContext(ANNA, "phone");
    try {
      const threadId = await startThread(laptop, "Szkic na dwóch urządzeniach");
      const onLaptop = await openThread(laptop, threadId);
      const saved = onLaptop.waitForResponse(
        (response) =>
          response.url().endsWith(`/api/drafts/thread/${threadId}`) && response.request().method() === "PUT",
      );
      await onLaptop.getByLabel("Treść odpowiedzi").fill("Zacząłem pisać na laptopie w urzędzie.");
      expect((await saved).status()).toBe(200);

      const onPhone = await openThread(phone, threadId);
      const field = onPhone.getByLabel("Treść odpowiedzi");
      await eventually(() => field.inputValue(), "Zacząłem pisać na laptopie w urzędzie.");
      await onPhone.reload();
      await eventually(
        () => onPhone.getByLabel("Treść odpowiedzi").inputValue(),
        "Zacząłem pisać na laptopie w urzędzie.",
      );
    } finally {
      await laptop.close();
      await phone.close();
    }
  },
  TIMEOUT,
);

it(
  "keeps a reply sent offline and stores it exactly once when the network is back",
  async () => {
    const context = await signedInContext(ANNA);
    try {
      const threadId = await startThread(context, "Wysyłka bez sieci");
      const page = await openThread(context, threadId);
      const text = `Wysłane bez sieci ${Date.now()}`;
      await page.getByLabel("Treść odpowiedzi").fill(text);
      await context.setOffline(true);
      await page.getByRole("button", { name: "Wyślij odpowiedź" }).click();
      await page.locator("[aria-live=polite]", { hasText: "Brak połączenia — wyślemy, gdy wróci sieć." }).waitFor();
      await page.getByRole("button", { name: "Anuluj wysyłanie" }).waitFor();
      await expectNoAxeViolations(page);
      await saveScreenshot(page, "desktop-composer-offline");

      await context.setOffline(false);
      await page
        .locator("[aria-live=polite]", { hasText: "Połączenie wróciło — wpis wysłany." })
        .waitFor({ timeout: 25_000 });
      expect(await page.getByLabel("Treść odpowiedzi").inputValue()).toBe("");
      await page.waitForTimeout(1_000);
      expect(await page.locator(".post-body", { hasText: text }).count()).toBe(1);
      const detail = (await (
        await context.request.get(`${server.url}/api/threads/${threadId}`)
      ).json()) as ThreadDetail;
      expect(detail.posts.filter((post) => post.html.includes(text))).toHaveLength(1);
    } finally {
      await context.close();
    }
  },
  TIMEOUT,
);

it(
  "lets the writer cancel a send that waits for the network, and starts a thread sent offline once",
  async () => {
    const context = await signedInContext(ANNA);
    try {
      const threadId = await startThread(context, "Anulowanie wysyłki");
      const page = await openThread(context, threadId);
      const reply = page.getByLabel("Treść odpowiedzi");
      await reply.fill("Jednak tego nie wyślę.");
      await context.setOffline(true);
      await page.getByRole("button", { name: "Wyślij odpowiedź" }).click();
      await page.getByRole("button", { name: "Anuluj wysyłanie" }).click();
      await page.locator("[aria-live=polite]", { hasText: "Wysyłanie anulowane. Tekst został w szkicu." }).waitFor();
      expect(await reply.inputValue()).toBe("Jednak tego nie wyślę.");
      await context.setOffline(false);
      await page.waitForTimeout(1_500);
      const detail = (await (
        await context.request.get(`${server.url}/api/threads/${threadId}`)
      ).json()) as ThreadDetail;
      expect(detail.posts).toHaveLength(1);

      // A new thread written offline is created once the network is back.
      const category = await categoryIdOf(context, server.url, "gwd-malopolska", "dyskusje");
      await page.goto(`${server.url}/kategorie/${category}`);
      await page.getByRole("button", { name: "Nowy wątek" }).click();
      const title = `Wątek bez sieci ${Date.now()}`;
      await page.getByLabel("Tytuł wątku").fill(title);
      await page.getByLabel("Pierwszy wpis").fill("Napisane w pociągu.");
      await context.setOffline(true);
      await page.getByRole("button", { name: "Utwórz wątek" }).click();
      await page.locator("[aria-live=polite]", { hasText: "Brak połączenia — wyślemy, gdy wróci sieć." }).waitFor();
      await context.setOffline(false);
      await page.waitForURL("**/watki/*", { timeout: 25_000 });
      await page.getByRole("heading", { name: title, level: 1 }).waitFor();
      const threads = (await (
        await context.request.get(`${server.url}/api/categories/${category}/threads`)
      ).json()) as { threads: { title: string }[] };
      expect(threads.threads.filter((thread) => thread.title === title)).toHaveLength(1);
    } finally {
      await context.close();
    }
  },
  TIMEOUT,
);

it(
  "attaches an image pasted into the reply and a file dropped onto the composer",
  async () => {
    const context = await signedInContext(ANNA);
    try {
      const threadId = await startThread(context, "Wklejanie i przeciąganie");
      const page = await openThread(context, threadId);
      const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#aa3311" } })
        .png()
        .toBuffer();
      await page.evaluate(
        async ({ image, pdf }) => {
          const bytes = (base64: string) => Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
          const pasted = new DataTransfer();
          pasted.items.add(new File([bytes(image)], "zrzut ekranu.png", { type: "image/png" }));
          const field = document.querySelector("textarea");
          field?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: pasted, bubbles: true, cancelable: true }));
          const dropped = new DataTransfer();
          dropped.items.add(new File([bytes(pdf)], "upuszczony.pdf", { type: "application/pdf" }));
          const form = document.querySelector("form.reply");
          form?.dispatchEvent(new DragEvent("dragover", { dataTransfer: dropped, bubbles: true, cancelable: true }));
          form?.dispatchEvent(new DragEvent("drop", { dataTransfer: dropped, bubbles: true, cancelable: true }));
        },
        { image: png.toString("base64"), pdf: PDF.toString("base64") },
      );
      const reply = page.getByLabel("Treść odpowiedzi");
      await eventually(
        async () =>
          String(/zrzut ekranu\.png\]\(\/api\/attachments\/[a-f0-9]{24}\/thumbnail/.test(await reply.inputValue())),
        "true",
      );
      await eventually(
        async () =>
          String(/\[upuszczony\.pdf \(\d+ B\)\]\(\/api\/attachments\/[a-f0-9]{24}\)/.test(await reply.inputValue())),
        "true",
      );
    } finally {
      await context.close();
    }
  },
  TIMEOUT,
);
