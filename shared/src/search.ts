import type { SearchKind } from "./constants.js";

/** A piece of a snippet: `match` pieces are the words the query found (the UI shows them in <mark>). */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/** One search hit. `url` is the client path to open (e.g. `/watki/<id>#wpis-<postId>`, `/praktyki/<id>`). */
export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  url: string;
  /** Title with the matched words marked. */
  titleParts: SnippetPart[];
  /** A short excerpt around the best match, with the matched words marked; empty when only the title matched. */
  snippet: SnippetPart[];
  author: { id: string; name: string } | null;
  group: { slug: string; name: string } | null;
  tags: { slug: string; name: string }[];
  /** When it was written (or published). */
  date: string | null;
  score: number;
}

export interface SearchResults {
  query: string;
  /**
   * The query as it was searched when a mistyped word was replaced by a dictionary word one edit away ("dowuz
   * uczniów" → "dowóz uczniów"); null when it was searched as typed. The page says "Pokazano wyniki dla: …".
   */
  correctedQuery: string | null;
  hits: SearchHit[];
  /** How many hits in all (capped by the engine's candidate limit; `totalIsExact` false when capped). */
  total: number;
  totalIsExact: boolean;
  page: number;
  pageSize: number;
  /** Hits per kind for the filter chips (same query and other filters, any kind). */
  countsByKind: Partial<Record<SearchKind, number>>;
}
