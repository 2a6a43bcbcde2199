/**
 * Text being written, kept in this browser's localStorage until the server has it, so a reload, a lost
 * connection or a closed tab loses nothing typed. Every editor's draft (replies, new threads, post edits,
 * practices, analyses, legal pages, the live room's chat) goes through one of these stores: only the key and
 * the stored format differ. Storage that is disabled, full or holds something else never throws: loading
 * then finds no draft and saving keeps the text in the form for this visit only.
 */
export interface DraftStore<Id, Draft> {
  /** The stored draft, or null when there is none (or it is not one of this kind: old or corrupt). */
  load(id: Id): Draft | null;
  /** Stores the draft; an empty one (as the store defines it) removes the entry instead. */
  save(id: Id, draft: Draft): void;
  clear(id: Id): void;
}

export interface DraftFormat<Id, Draft> {
  /** The localStorage key, e.g. `forum.draft.thread.<id>`: kept as it is, so existing drafts survive. */
  key(id: Id): string;
  /** The stored text back to a draft; null (or a throw) when it is not one. */
  decode(stored: string): Draft | null;
  /** The text to store. */
  encode(draft: Draft, id: Id): string;
  /** Nothing worth keeping: the entry is removed rather than stored. */
  isEmpty?(draft: Draft): boolean;
}

export function draftStore<Id, Draft>(format: DraftFormat<Id, Draft>): DraftStore<Id, Draft> {
  return {
    load(id) {
      try {
        const stored = localStorage.getItem(format.key(id));
        return stored === null ? null : format.decode(stored);
      } catch {
        // Storage disabled or a corrupt entry: no draft.
        return null;
      }
    },
    save(id, draft) {
      try {
        if (format.isEmpty?.(draft)) localStorage.removeItem(format.key(id));
        else localStorage.setItem(format.key(id), format.encode(draft, id));
      } catch {
        // Quota exceeded or storage disabled: the text stays in the form for this visit.
      }
    },
    clear(id) {
      try {
        localStorage.removeItem(format.key(id));
      } catch {
        // nothing to clear
      }
    },
  };
}

/**
 * A draft stored as JSON: `check` takes what was parsed (unknown, since anything may be in storage) and
 * answers the draft with every field in place, or null when it is not one.
 */
export function jsonDraftStore<Id, Draft>(
  key: (id: Id) => string,
  check: (stored: Record<string, unknown>) => Draft | null,
  options: Pick<DraftFormat<Id, Draft>, "isEmpty"> & { encode?: (draft: Draft, id: Id) => unknown } = {},
): DraftStore<Id, Draft> {
  return draftStore({
    key,
    decode: (stored) => {
      const parsed: unknown = JSON.parse(stored);
      return typeof parsed === "object" && parsed !== null ? check(parsed as Record<string, unknown>) : null;
    },
    encode: (draft, id) => JSON.stringify(options.encode ? options.encode(draft, id) : draft),
    isEmpty: options.isEmpty,
  });
}

export const isString = (value: unknown): value is string => typeof value === "string";
