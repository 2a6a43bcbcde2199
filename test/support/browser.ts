import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Viewports every screen is checked at: an office laptop and a small phone. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 740 },
} as const;

/** Debian's Chromium, headless; playwright-core downloads no browser of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A fresh browser profile (no cookies, no localStorage) at one of the viewports, in Polish. */
export async function newContext(browser: Browser, viewport: keyof typeof VIEWPORTS): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: VIEWPORTS[viewport],
    locale: "pl-PL",
    timezoneId: "Europe/Warsaw",
  });
  await context.addInitScript(keepAnnouncements);
  return context;
}

/**
 * Runs in every page before the app: keeps each text a status region (`role="status"`) shows, so
 * `waitForAnnouncement` still finds a message that a later one replaced before the test looked.
 */
function keepAnnouncements(): void {
  const heard: string[] = [];
  (window as { __announced?: string[] }).__announced = heard;
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      const element = mutation.target instanceof Element ? mutation.target : mutation.target.parentElement;
      const region = element?.closest('[role="status"]');
      if (region?.textContent) heard.push(region.textContent);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/** Fails with the list of WCAG 2.1 A/AA violations axe finds on the page as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    // Only violations are reported: axe then skips building the (large) passes/incomplete lists.
    .options({ resultTypes: ["violations"] })
    .analyze();
  const report = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? "?"}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary ?? ""}`).join("\n"),
  );
  if (report.length > 0) {
    throw new Error(`axe found ${report.length} accessibility violation(s) on ${page.url()}:\n${report.join("\n")}`);
  }
}

/** Screenshots for people to look at; only when SCREENSHOT_DIR is set (e.g. /tmp/screens). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** Waits until a status region of the page says or has said `text` (pages opened through `newContext`). */
/** A screenshot and an axe check at each width, phone first unless `order` says otherwise. */
export async function expectAccessibleAtBothWidths(
  page: Page,
  name: string,
  order: readonly (keyof typeof VIEWPORTS)[] = ["phone", "desktop"],
): Promise<void> {
  for (const viewport of order) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    await saveScreenshot(page, `${viewport}-${name}`);
    await expectNoAxeViolations(page);
  }
}

export async function waitForAnnouncement(page: Page, text: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const heard = (window as { __announced?: string[] }).__announced ?? [];
      const now = [...document.querySelectorAll('[role="status"]')].map((region) => region.textContent ?? "");
      return [...heard, ...now].some((said) => said.includes(wanted));
    },
    text,
    { timeout, polling: 100 },
  );
}
