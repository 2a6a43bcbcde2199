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

/** Every link in user content opens safely and passes no ranking: rel="nofollow noopener ugc". */
export function hardenLinks(purifier: DOMPurify): DOMPurify {
  purifier.addHook("afterSanitizeAttributes", (node) => {
    if (node.tagName === "A" && node.hasAttribute("href")) {
      node.setAttribute("rel", "nofollow noopener ugc");
      node.setAttribute("target", "_blank");
    }
  });
  return purifier;
}
