import MarkdownIt from "markdown-it";
import type { Config, DOMPurify } from "dompurify";
import { mentionPlugin } from "./mentions.js";

/**
 * The one markdown configuration: the server renders posts with it at write time,
 * the composer's preview renders with it in the browser, so both agree.
 */
export function createMarkdownRenderer(): InstanceType<typeof MarkdownIt> {
  const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
  markdown.use(mentionPlugin);
  return markdown;
}

/** DOMPurify settings shared by the server (authoritative) and the preview. */
export const SANITIZE_OPTIONS: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ["style", "form", "input", "button", "textarea", "select", "iframe", "object", "embed", "svg", "math"],
  FORBID_ATTR: ["style"],
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|\/(?!\/)|#)/i,
};

/**
 * A link to a page of the forum itself: a path ("/watki/…", "/osoby/…") or a place on the page ("#…").
 * Files (`/api/attachments/…`) are not pages: they still open beside the thread.
 */
export const isInternalHref = (href: string): boolean => /^(?:\/(?!\/|api\/)|#)/.test(href.trim());

/**
 * Links in user content: those leaving the forum open in a new tab, safely and passing no ranking
 * (rel="nofollow noopener ugc"); the forum's own (quotes, mentions, threads) open in place, like
 * every other link of the app, so the reader's tab and its history stay where they were.
 */
export function hardenLinks(purifier: DOMPurify): DOMPurify {
  purifier.addHook("afterSanitizeAttributes", (node) => {
    if (node.tagName !== "A" || !node.hasAttribute("href")) return;
    if (isInternalHref(node.getAttribute("href") ?? "")) {
      node.removeAttribute("target");
      node.removeAttribute("rel");
      return;
    }
    node.setAttribute("rel", "nofollow noopener ugc");
    node.setAttribute("target", "_blank");
  });
  return purifier;
}
