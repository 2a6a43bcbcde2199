import DOMPurify from "dompurify";
import { createMarkdownRenderer, hardenLinks, SANITIZE_OPTIONS } from "@forum/shared/markdown";

/**
 * The composer's preview: the same markdown settings and sanitizer as the server, so what the
 * preview shows is what the post will look like. After posting, the server's HTML is shown.
 */
let renderer: ReturnType<typeof createMarkdownRenderer> | undefined;
let purifier: ReturnType<typeof hardenLinks> | undefined;

export function renderPreview(markdown: string): string {
  renderer ??= createMarkdownRenderer();
  purifier ??= hardenLinks(DOMPurify(window));
  return purifier.sanitize(renderer.render(markdown), { ...SANITIZE_OPTIONS, RETURN_TRUSTED_TYPE: false });
}

export type DiffLine = { kind: "same" | "added" | "removed"; text: string };

/** A line diff of two texts (longest common subsequence; post bodies are short). */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split("\n");
  const b = after.split("\n");
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      lines.push({ kind: "same", text: a[i]! });
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
      lines.push({ kind: "removed", text: a[i++]! });
    } else {
      lines.push({ kind: "added", text: b[j++]! });
    }
  }
  while (i < a.length) lines.push({ kind: "removed", text: a[i++]! });
  while (j < b.length) lines.push({ kind: "added", text: b[j++]! });
  return lines;
}

/**
 * Markdown for a post that has no stored history yet (never edited), rebuilt from its HTML: the
 * editor needs text, and the server keeps the source only in the history once a post is edited.
 * Covers what the renderer produces for ordinary posts (paragraphs, emphasis, lists, links, code).
 */
export function markdownFromHtml(html: string): string {
  const root = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html").body;
  const inline = (node: Node): string =>
    [...node.childNodes]
      .map((child) => {
        if (child.nodeType === Node.TEXT_NODE) return child.textContent ?? "";
        if (!(child instanceof HTMLElement)) return "";
        const inner = inline(child);
        switch (child.tagName) {
          case "STRONG":
          case "B":
            return `**${inner}**`;
          case "EM":
          case "I":
            return `*${inner}*`;
          case "CODE":
            return `\`${inner}\``;
          case "BR":
            return "\n";
          case "A": {
            const href = child.getAttribute("href") ?? "";
            return href === inner || href === `mailto:${inner}` ? inner : `[${inner}](${href})`;
          }
          default:
            return inner;
        }
      })
      .join("");
  const block = (element: Element): string => {
    switch (element.tagName) {
      case "UL":
        return [...element.children].map((item) => `- ${inline(item).trim()}`).join("\n");
      case "OL":
        return [...element.children].map((item, index) => `${index + 1}. ${inline(item).trim()}`).join("\n");
      case "BLOCKQUOTE":
        return [...element.children]
          .map(block)
          .join("\n\n")
          .split("\n")
          .map((line) => `> ${line}`)
          .join("\n");
      case "PRE":
        return `\`\`\`\n${element.textContent?.replace(/\n$/, "") ?? ""}\n\`\`\``;
      case "H1":
      case "H2":
      case "H3":
      case "H4":
      case "H5":
      case "H6":
        return `${"#".repeat(Number(element.tagName[1]))} ${inline(element)}`;
      case "HR":
        return "---";
      default:
        return inline(element).trim();
    }
  };
  return [...root.children].map(block).join("\n\n").trim() || (root.textContent ?? "").trim();
}
