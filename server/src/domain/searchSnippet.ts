import type { SnippetPart } from "@forum/shared";
import { tokenize, wordMatches, type QueryWord } from "./polishText.js";

export const SNIPPET_LENGTH = 200;

interface MatchedSpan {
  start: number;
  end: number;
  /** Index of the query word it matched. */
  word: number;
}

function matchedSpans(text: string, words: QueryWord[]): MatchedSpan[] {
  const spans: MatchedSpan[] = [];
  for (const token of tokenize(text)) {
    const word = words.findIndex((queryWord) => wordMatches(token.word, queryWord));
    if (word >= 0) spans.push({ start: token.start, end: token.end, word });
  }
  return spans;
}

function marked(text: string, spans: MatchedSpan[], from: number, to: number): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let position = from;
  for (const span of spans) {
    if (span.start < from || span.end > to) continue;
    if (span.start > position) parts.push({ text: text.slice(position, span.start), match: false });
    parts.push({ text: text.slice(span.start, span.end), match: true });
    position = span.end;
  }
  if (position < to) parts.push({ text: text.slice(position, to), match: false });
  return parts;
}

/** The whole (short) text with the matched words marked: for titles. */
export function markAll(text: string, words: QueryWord[]): SnippetPart[] {
  return marked(text, matchedSpans(text, words), 0, text.length);
}

/**
 * About SNIPPET_LENGTH characters of the text around its densest match (most distinct query words, then most
 * matches), cut at word boundaries, with "…" where the text goes on. Empty when nothing in the text matched.
 */
export function snippet(rawText: string, words: QueryWord[]): SnippetPart[] {
  const text = rawText.replace(/\s+/g, " ");
  const spans = matchedSpans(text, words);
  if (spans.length === 0) return [];
  let best = { start: 0, distinct: 0, count: 0 };
  for (let first = 0; first < spans.length; first++) {
    const windowStart = Math.max(0, spans[first]!.start - 40);
    const inWindow = spans.filter((span) => span.start >= windowStart && span.end <= windowStart + SNIPPET_LENGTH);
    const distinct = new Set(inWindow.map((span) => span.word)).size;
    if (distinct > best.distinct || (distinct === best.distinct && inWindow.length > best.count)) {
      best = { start: windowStart, distinct, count: inWindow.length };
    }
  }
  let from = best.start;
  if (from > 0) {
    const space = text.indexOf(" ", from);
    from = space >= 0 && space < spans.find((span) => span.start >= from)!.start ? space + 1 : from;
  }
  let to = Math.min(text.length, from + SNIPPET_LENGTH);
  if (to < text.length) {
    const space = text.lastIndexOf(" ", to);
    if (space > from) to = space;
  }
  const parts = marked(text, spans, from, to);
  if (from > 0) parts.unshift({ text: "…", match: false });
  if (to < text.length) parts.push({ text: "…", match: false });
  return parts;
}
