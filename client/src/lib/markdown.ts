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
