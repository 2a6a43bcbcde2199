import MarkdownIt from "markdown-it";

/**
 * The one markdown configuration: the server renders posts with it at write time,
 * the composer's preview renders with it in the browser, so both agree.
 */
export function createMarkdownRenderer(): InstanceType<typeof MarkdownIt> {
  const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
  markdown.renderer.rules.link_open = (tokens, index, options, _env, self) => {
    const token = tokens[index];
    if (token) {
      token.attrSet("rel", "nofollow noopener ugc");
      token.attrSet("target", "_blank");
    }
    return self.renderToken(tokens, index, options);
  };
  return markdown;
}

/** DOMPurify settings shared by the server (authoritative) and the preview. */
export const SANITIZE_OPTIONS: {
  USE_PROFILES: { html: boolean };
  ADD_ATTR: string[];
  FORBID_TAGS: string[];
  FORBID_ATTR: string[];
  ALLOWED_URI_REGEXP: RegExp;
} = {
  USE_PROFILES: { html: true },
  ADD_ATTR: ["target", "rel"],
  FORBID_TAGS: ["style", "form", "input", "button", "textarea", "select", "iframe", "object", "embed", "svg", "math"],
  FORBID_ATTR: ["style"],
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|\/(?!\/)|#)/i,
};
