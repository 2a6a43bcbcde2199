import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/**
 * Viewports every screen is checked at: an office laptop, a small phone, and 320 CSS px, the width
 * WCAG 1.4.10 (Reflow) asks content to fit without scrolling sideways (1280 px zoomed to 400 %).
 */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 740 },
  narrow: { width: 320, height: 640 },
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

/**
 * Fails when the page as it is now scrolls sideways (WCAG 1.4.10 Reflow), naming the elements that
 * stick out past the right edge of the viewport, so the fix can start from them.
 */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= viewport) return null;
    const culprits: string[] = [];
    for (const element of document.body.querySelectorAll<HTMLElement>("*")) {
      const { right, width } = element.getBoundingClientRect();
      if (right > viewport + 0.5 && width > 0) {
        // Only the outermost culprits: a child of one that sticks out says nothing new.
        if (element.parentElement && element.parentElement.getBoundingClientRect().right > viewport + 0.5) continue;
        const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${[...element.classList]
          .filter((name) => !name.startsWith("svelte-"))
          .map((name) => `.${name}`)
          .join("")}`;
        culprits.push(
          `${name} (right edge ${Math.round(right)} px): ${(element.textContent ?? "").trim().slice(0, 60)}`,
        );
      }
      if (culprits.length >= 8) break;
    }
    return { viewport, scrollWidth, culprits };
  });
  if (overflow) {
    throw new Error(
      `${page.url()} scrolls sideways at ${overflow.viewport} px: the document is ${overflow.scrollWidth} px wide.\n` +
        overflow.culprits.map((culprit) => `    ${culprit}`).join("\n"),
    );
  }
}

/**
 * Fails with the list of WCAG 2.1 A/AA violations axe finds on the page as it is now, or when the
 * page scrolls sideways at its current width (axe does not check reflow).
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await expectNoSidewaysScroll(page);
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

/**
 * A screenshot, an axe check and a check that nothing scrolls sideways at each width: 320 px, a
 * 360 px phone and a 1280 px laptop, in that order unless `order` says otherwise.
 */
export async function expectAccessibleAtBothWidths(
  page: Page,
  name: string,
  order: readonly (keyof typeof VIEWPORTS)[] = ["narrow", "phone", "desktop"],
): Promise<void> {
  for (const viewport of order) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    await saveScreenshot(page, `${viewport}-${name}`);
    await expectNoAxeViolations(page);
  }
}

/** Waits until a status region of the page says or has said `text` (pages opened through `newContext`). */
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

/** On a phone a thread's tools fold under "Narzędzia wątku": opens them (nothing to do on wider screens). */
export async function openThreadTools(page: Page): Promise<void> {
  const toggle = page.getByRole("button", { name: "Narzędzia wątku" });
  if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
}
