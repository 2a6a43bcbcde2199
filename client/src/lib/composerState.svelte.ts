import { tick } from "svelte";
import { get } from "svelte/store";
import { _ } from "svelte-i18n";
import { POST_BODY_MAX } from "@forum/shared/schemas/post";
import { composerDraftOf, composerDrafts, newClientId, type DraftTarget } from "./drafts";
import { isCancelled, sendWhenOnline } from "./offlineRetry";
import { fetchServerDraft, newerDraft, ServerDraftSync } from "./serverDrafts";
import { insertAsParagraph } from "./textInsert";

export interface ComposerOptions {
  /** Where the draft is kept, here and on the server (asked each time, so a form that changes target follows). */
  target: () => DraftTarget;
  /** The body's textarea: attachments go in at its cursor, a quote moves focus to it. */
  textarea: () => HTMLTextAreaElement | null | undefined;
  /** The preview is open from the start. */
  previewing?: boolean;
}

/** What a send came to: the server's answer, and whether it had to wait for the network (or the database) first. */
export interface ComposerSent<Answer> {
  answer: Answer;
  waited: boolean;
}

const blank = (draft: { title: string; body: string }) => draft.title.trim() === "" && draft.body.trim() === "";
const translate = (key: string) => get(_)(key);

/**
 * The state behind a composer (a reply, a new thread): its text is a draft, in this browser and on the server
 * (so it follows the person to another device), until the server has stored the post. A send that fails for
 * lack of network, or that the server refuses for a moment because its database is away, waits and is sent
 * again with the same clientId, so it is stored once; the writer may cancel the wait. The form around it
 * (Composer.svelte) shows the fields, attachments, preview and the waiting status.
 */
export class ComposerState {
  title = $state("");
  body = $state("");
  clientId = newClientId();
  /** A draft from an earlier visit (here or on another device) was put back into the form. */
  restored = $state(false);
  previewing = $state(false);
  sending = $state(false);
  /** Set while a send waits for the network (or the database) to come back. */
  waitingForNetwork = $state(false);
  /** The composer's own live region: waiting, sent after the wait, cancelled. */
  offlineStatus = $state("");
  readonly remaining = $derived(POST_BODY_MAX - this.body.length);

  readonly #target: () => DraftTarget;
  readonly #textarea: () => HTMLTextAreaElement | null | undefined;
  readonly #serverCopy: ServerDraftSync;
  #retry: AbortController | null = null;

  constructor(options: ComposerOptions) {
    this.#target = options.target;
    this.#textarea = options.textarea;
    this.#serverCopy = new ServerDraftSync(options.target);
    this.previewing = options.previewing ?? false;
  }

  /** Puts back the draft kept in this browser, then the server's copy when that one was typed later. */
  async open(): Promise<void> {
    const target = this.#target();
    const local = composerDraftOf(target);
    this.title = local.title;
    this.body = local.body;
    this.clientId = local.clientId;
    this.restored = !blank(local);
    const server = await fetchServerDraft(target);
    // Typing has started meanwhile: what is on screen wins.
    if (this.title !== local.title || this.body !== local.body || this.sending) return;
    if (!server || newerDraft(local, server) !== server) return;
    this.title = server.title;
    this.body = server.body;
    this.clientId = server.clientId;
    this.restored = true;
    composerDrafts.save(target, server);
  }

  /** Leaving the page: a waiting send stops, the last keystrokes still reach the server's copy. */
  close(): void {
    this.#retry?.abort();
    void this.#serverCopy.flush();
  }

  /** Keeps what is typed now: at once in this browser, a moment after typing stops on the server. */
  remember(): void {
    const draft = { title: this.title, body: this.body, clientId: this.clientId };
    composerDrafts.save(this.#target(), { ...draft, updatedAt: Date.now() });
    this.#serverCopy.schedule(draft);
  }

  /** An uploaded attachment's markdown, as a paragraph of its own at the cursor. */
  async insert(markdown: string): Promise<void> {
    const textarea = this.#textarea();
    const selection = textarea ? { start: textarea.selectionStart, end: textarea.selectionEnd } : null;
    const inserted = insertAsParagraph(this.body, markdown, selection);
    this.body = inserted.text;
    this.remember();
    await tick();
    textarea?.setSelectionRange(inserted.cursor, inserted.cursor);
  }

  /** "Cytuj" on a post: the quote goes after what is already typed, and the composer takes focus. */
  async appendQuote(markdown: string): Promise<void> {
    this.body = this.body.trim() ? `${this.body.replace(/\s*$/, "")}\n\n${markdown}` : markdown;
    this.remember();
    await tick();
    const textarea = this.#textarea();
    textarea?.focus();
    textarea?.setSelectionRange(this.body.length, this.body.length);
    textarea?.scrollIntoView({ block: "center" });
  }

  /**
   * Sends (`request` posts the draft with its clientId) until it is stored, waiting while the network or the
   * database is away; then the draft goes, here and on the server, and the form is empty again. Answers null
   * when the writer cancelled the wait (the text stays); any other failure is thrown, the draft kept, so
   * sending again cannot post twice.
   */
  async send<Answer>(request: () => Promise<Answer>): Promise<ComposerSent<Answer> | null> {
    this.sending = true;
    this.offlineStatus = "";
    this.remember();
    const retry = new AbortController();
    this.#retry = retry;
    try {
      const answer = await sendWhenOnline(request, {
        signal: retry.signal,
        onWaiting: (serverMessage) => {
          this.waitingForNetwork = true;
          this.offlineStatus = serverMessage || translate("composerTools.offlineWaiting");
        },
      });
      const waited = this.waitingForNetwork;
      this.#stored();
      // After a wait the composer's own live region says it was sent; the caller announces nothing more.
      if (waited) this.offlineStatus = translate("composerTools.offlineSent");
      return { answer, waited };
    } catch (cause) {
      if (!isCancelled(cause)) throw cause;
      this.offlineStatus = translate("composerTools.offlineCancelled");
      return null;
    } finally {
      this.sending = false;
      this.waitingForNetwork = false;
      this.#retry = null;
    }
  }

  /** "Anuluj wysyłanie": the waiting send stops, the text stays in the draft. */
  cancel(): void {
    this.#retry?.abort();
  }

  #stored(): void {
    // A save still waiting must not bring the text back (the server dropped its copy with the post).
    this.#serverCopy.cancel();
    composerDrafts.clear(this.#target());
    this.title = "";
    this.body = "";
    this.clientId = newClientId();
    this.restored = false;
  }
}
