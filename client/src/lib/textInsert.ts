/**
 * Puts `snippet` where the cursor is in a textarea's text (on a line of its own) and returns the
 * new text and where the cursor should go: after the snippet, ready to keep typing.
 */
export function insertOnOwnLine(
  text: string,
  snippet: string,
  selection: { start: number; end: number } | null,
): { text: string; cursor: number } {
  const start = selection?.start ?? text.length;
  const end = selection?.end ?? start;
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before === "" || before.endsWith("\n") ? "" : "\n";
  const tail = after.startsWith("\n") ? "" : "\n";
  const inserted = `${lead}${snippet}${tail}`;
  return { text: before + inserted + after, cursor: before.length + inserted.length };
}
