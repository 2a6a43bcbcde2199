import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectAccessibleAtBothWidths, launchBrowser, newContext, VIEWPORTS } from "../support/browser.js";
import { signInByApi } from "../support/browserApi.js";
import { DEMO } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

// The database named by MONGODB_DB, as the embedded chain and many deployments do: sessions used to land in `test`
// there and the profile said "Jesteś zalogowany(-a) na 0 urządzeniach".
let server: TestServer;
let browser: Browser;
const others: BrowserContext[] = [];

const DEVICES = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
];

beforeAll(async () => {
  if (!existsSync(new URL("../../client/build/index.html", import.meta.url))) {
    throw new Error("client/build is missing: run `npm run build` before the browser tests");
  }
  server = await startTestServer({ seed: true, label: "profile-sessions", databaseFromMongodbDb: true });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await Promise.all(others.map((context) => context.close()));
  await browser?.close();
  await server?.stop();
});

/** Another device signing in as the same person. */
async function signInElsewhere(userAgent: string): Promise<void> {
  const context = await browser.newContext({ userAgent, locale: "pl-PL" });
  others.push(context);
  await signInByApi(context, server.url, DEMO.memberA);
}

async function sessionsLead(page: Page): Promise<string> {
  await page.goto(`${server.url}/profil`);
  const section = page.getByRole("region", { name: "Sesje" });
  await section.getByRole("listitem").first().waitFor();
  return (await section.locator("p").first().textContent())?.trim() ?? "";
}

it("lists the devices a person is signed in on, with Polish plural forms, at both widths", async () => {
  const context = await newContext(browser, "desktop");
  try {
    await signInByApi(context, server.url, DEMO.memberA);
    const page = await context.newPage();

    expect(await sessionsLead(page)).toMatch(/^Jesteś zalogowany\(-a\) na 1 urządzeniu\./);
    const section = page.getByRole("region", { name: "Sesje" });
    expect(await section.getByRole("listitem").count()).toBe(1);
    await section.getByText("to urządzenie").waitFor();

    await signInElsewhere(DEVICES[0]!);
    expect(await sessionsLead(page)).toMatch(/^Jesteś zalogowany\(-a\) na 2 urządzeniach\./);

    for (const device of DEVICES.slice(1)) await signInElsewhere(device);
    expect(await sessionsLead(page)).toMatch(/^Jesteś zalogowany\(-a\) na 5 urządzeniach\./);
    expect(await section.getByRole("listitem").count()).toBe(5);
    // This device first; times read as Polish ("ostatnio aktywna przed chwilą", not "… ta minuta").
    await section.getByRole("listitem").first().getByText("to urządzenie").waitFor();
    expect(await section.getByRole("listitem").first().textContent()).toMatch(/ostatnio aktywna\s+przed chwilą/);
    for (const device of ["Firefox, Windows", "Safari, iOS", "Safari, macOS", "Chrome, Android"])
      expect(await section.getByRole("listitem").filter({ hasText: device }).count()).toBe(1);

    await section.scrollIntoViewIfNeeded();
    await expectAccessibleAtBothWidths(page, "profile-sessions");
    // The section on its own at both widths, for people to read (the whole profile is a long page).
    const shots = process.env.SCREENSHOT_DIR;
    for (const [viewport, size] of shots ? Object.entries(VIEWPORTS) : []) {
      await page.setViewportSize(size);
      await section.screenshot({ path: `${shots}/${viewport}-profile-sessions-section.png` });
    }
  } finally {
    await context.close();
  }
}, 150_000);
