import type { ComposerDraft, DraftTarget } from "./drafts";
import { callEndpoint, endpoints } from "./endpoints";

/**
 * The server's copy of a composer's text, so a draft typed on one device is there on another.
 * The local copy (drafts.ts) stays the first line: it works offline and survives a crash; the
 * server copy follows it, saved a moment after typing stops.
 */
const SAVE_DELAY_MS = 1_000;
/** A reply's draft lives under its thread, a new thread's under its category. */
const draftCalls = (target: DraftTarget) =>
  target.scope === "thread"
    ? {
        get: () => callEndpoint(endpoints.posts.replyDraft, { params: { threadId: target.id } }),
        save: (body: Omit<ComposerDraft, "updatedAt">) =>
          callEndpoint(endpoints.posts.saveReplyDraft, { params: { threadId: target.id }, body }),
        discard: () => callEndpoint(endpoints.posts.discardReplyDraft, { params: { threadId: target.id } }),
      }
    : {
        get: () => callEndpoint(endpoints.posts.threadDraft, { params: { categoryId: target.id } }),
        save: (body: Omit<ComposerDraft, "updatedAt">) =>
          callEndpoint(endpoints.posts.saveThreadDraft, { params: { categoryId: target.id }, body }),
        discard: () => callEndpoint(endpoints.posts.discardThreadDraft, { params: { categoryId: target.id } }),
      };
const isEmpty = (draft: Pick<ComposerDraft, "title" | "body">) => draft.title.trim() === "" && draft.body.trim() === "";

/** The server's copy, or null when there is none or the server cannot be asked (offline). */
export async function fetchServerDraft(target: DraftTarget): Promise<ComposerDraft | null> {
  try {
    const { draft } = await draftCalls(target).get();
    return draft ? { ...draft, updatedAt: Date.parse(draft.updatedAt) || 0 } : null;
  } catch {
    return null;
  }
}

/** The draft to show: the more recently typed one; a blank local copy never hides the server's text. */
export function newerDraft(local: ComposerDraft, server: ComposerDraft | null): ComposerDraft {
  if (!server || isEmpty(server)) return local;
  // The server stamps its copy when the save arrives, after the last keystroke: same text, keep ours.
  if (server.title === local.title && server.body === local.body && server.clientId === local.clientId) return local;
  if (isEmpty(local)) return server;
  return server.updatedAt > local.updatedAt ? server : local;
}

/** Saves the latest text to the server a moment after typing stops; failures wait for the next keystroke. */
export class ServerDraftSync {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: Omit<ComposerDraft, "updatedAt"> | null = null;

  /** `target` is asked at each save, so a form that changes target saves to the right place. */
  constructor(private readonly target: () => DraftTarget) {}

  schedule(draft: Omit<ComposerDraft, "updatedAt">): void {
    this.pending = draft;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    const draft = this.pending;
    this.pending = null;
    if (!draft) return;
    try {
      if (isEmpty(draft)) await draftCalls(this.target()).discard();
      else await draftCalls(this.target()).save(draft);
    } catch {
      // Offline or refused: the local copy keeps the text; the next change tries again.
    }
  }

  /** The post was sent: a save still waiting must not bring the text back (the server drops the draft). */
  cancel(): void {
    clearTimeout(this.timer);
    this.pending = null;
  }
}
