/**
 * Puts `snippet` where the cursor is in a textarea's text as a paragraph of its own, and returns
 * the new text and where the cursor should go: after the snippet, ready to keep typing.
 *
 * A paragraph, not just a line: in markdown a line right after a list item (or any paragraph)
 * continues it, so an attachment put on the next line of a list would land inside its last item.
 * A blank line before and after ends whatever came before and keeps what follows apart.
 */
export function insertAsParagraph(
  text: string,
  snippet: string,
  selection: { start: number; end: number } | null,
): { text: string; cursor: number } {
  const start = selection?.start ?? text.length;
  const end = selection?.end ?? start;
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  const tail = after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
  const inserted = `${lead}${snippet}${tail}`;
  return { text: before + inserted + after, cursor: before.length + inserted.length };
}
