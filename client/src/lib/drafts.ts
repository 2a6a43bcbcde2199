/**
 * Reply drafts kept in localStorage until the post is stored, so a reload, a lost
 * connection or a closed tab loses nothing typed. The draft also keeps the post's
 * clientId, so a retried send after an unclear failure is stored only once.
 */
export interface ReplyDraft {
  body: string;
  clientId: string;
  /** When it was last typed in this browser (ms); the newer of this and the server's copy wins. */
  updatedAt?: number;
}

const key = (threadId: string) => `forum.draft.thread.${threadId}`;

export function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // Outside a secure context (plain http on an office network) randomUUID is missing.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function loadDraft(threadId: string): ReplyDraft {
  try {
    const stored = localStorage.getItem(key(threadId));
    if (stored) {
      const parsed = JSON.parse(stored) as Partial<ReplyDraft>;
      if (typeof parsed.body === "string" && typeof parsed.clientId === "string") {
        return { body: parsed.body, clientId: parsed.clientId, updatedAt: Number(parsed.updatedAt) || 0 };
      }
    }
  } catch {
    // Storage disabled or a corrupt entry: start a fresh draft.
  }
  return { body: "", clientId: newClientId(), updatedAt: 0 };
}

export function saveDraft(threadId: string, draft: ReplyDraft): void {
  try {
    if (draft.body === "") localStorage.removeItem(key(threadId));
    else localStorage.setItem(key(threadId), JSON.stringify({ ...draft, updatedAt: Date.now() }));
  } catch {
    // Quota exceeded or storage disabled: the text stays in the form for this visit.
  }
}

export function clearDraft(threadId: string): void {
  try {
    localStorage.removeItem(key(threadId));
  } catch {
    // nothing to clear
  }
}

/** A new thread being written in a category: kept until the server has stored it. */
export interface ThreadDraft {
  title: string;
  body: string;
  clientId: string;
  updatedAt?: number;
}

const threadKey = (categoryId: string) => `forum.draft.category.${categoryId}`;

export function loadThreadDraft(categoryId: string): ThreadDraft {
  try {
    const stored = localStorage.getItem(threadKey(categoryId));
    if (stored) {
      const parsed = JSON.parse(stored) as Partial<ThreadDraft>;
      if (typeof parsed.title === "string" && typeof parsed.body === "string" && typeof parsed.clientId === "string") {
        return {
          title: parsed.title,
          body: parsed.body,
          clientId: parsed.clientId,
          updatedAt: Number(parsed.updatedAt) || 0,
        };
      }
    }
  } catch {
    // Storage disabled or a corrupt entry: start a fresh draft.
  }
  return { title: "", body: "", clientId: newClientId(), updatedAt: 0 };
}

export function saveThreadDraft(categoryId: string, draft: ThreadDraft): void {
  try {
    if (draft.title === "" && draft.body === "") localStorage.removeItem(threadKey(categoryId));
    else localStorage.setItem(threadKey(categoryId), JSON.stringify({ ...draft, updatedAt: Date.now() }));
  } catch {
    // Quota exceeded or storage disabled: the text stays in the form for this visit.
  }
}

export function clearThreadDraft(categoryId: string): void {
  try {
    localStorage.removeItem(threadKey(categoryId));
  } catch {
    // nothing to clear
  }
}

/** The text of an edit in progress, by post: a reload in the middle of an edit loses nothing. */
const editKey = (postId: string) => `forum.draft.edit.${postId}`;

export function loadEditDraft(postId: string): string | null {
  try {
    return localStorage.getItem(editKey(postId));
  } catch {
    return null;
  }
}

export function saveEditDraft(postId: string, body: string | null): void {
  try {
    if (body === null) localStorage.removeItem(editKey(postId));
    else localStorage.setItem(editKey(postId), body);
  } catch {
    // The text stays in the form for this visit.
  }
}
