import { tick } from "svelte";
import { get } from "svelte/store";
import { _ } from "svelte-i18n";
import type { PostView, PostsPage, ThreadDetail } from "@forum/shared/api";
import type { QueryOf } from "@forum/shared/endpoints/index";
import type { ThreadUpdate } from "@forum/shared/realtime";
import { announce } from "./announcer";
import { callEndpoint, endpoints } from "./endpoints";
import { append, firstNumber, lastNumber, prepend, replace, windowOf, type PostWindow } from "./postWindow";
import { trackReading } from "./readTracker";
import { followThread } from "./realtime";
import { whenClosing } from "./threadState";
import { announceThreadUpdate } from "./threadStateAnnouncements";

/** Post numbers each once, in first-seen order (a plain array: the state holds it, not a Set). */
const withoutRepeats = (numbers: number[]): number[] => numbers.filter((n, index) => numbers.indexOf(n) === index);

/** Where in a thread the reader can jump; the reader loads the posts there and moves focus to them. */
export type Jump =
  { to: "firstUnread" } | { to: "top" } | { to: "last" } | { to: "date"; date: Date } | { to: "post"; number: number };

type ThreadUpdateFields = Pick<ThreadUpdate, "threadId" | "title" | "tags" | "state">;

const translate = (key: string, values?: Record<string, string | number | undefined>) =>
  get(_)(key, values ? { values } : undefined);

/** An attachment that reports whether its element is in (or near) view. */
function inView(onchange: (visible: boolean) => void, margin = "600px 0px") {
  return (element: HTMLElement) => {
    const observer = new IntersectionObserver((entries) => onchange(entries.some((entry) => entry.isIntersecting)), {
      rootMargin: margin,
    });
    observer.observe(element);
    return () => observer.disconnect();
  };
}

/**
 * The open thread as its reader sees it: a bounded window of its posts (postWindow.ts) grown at either end
 * as the reader scrolls, replaced on a jump, with the reader's place held while posts come and go above;
 * how far they have read (sent to the server); and the live thread merged in: new posts, edits, removals,
 * moderators' changes, and after every (re)join of the thread's room the posts written meanwhile. A post is
 * shown once, whichever way (page, reply, live push, catching up) it came first.
 *
 * The page binds `list` and the sentinels, and wires the methods that follow or track something into
 * effects (their cleanups stop them), so a new thread opened on the same page starts them again.
 */
export class ThreadReader {
  /** As loaded, then changed live by moderators (title, tags, pin, lock, closing, slow mode). */
  thread = $derived.by(() => this.#detail().thread);
  /** The posts in the page: a contiguous run of the thread. */
  shown = $state<PostWindow>({ posts: [], hasBefore: false, hasAfter: false });
  /** The first post not read before this visit (fixed for the visit), or null. */
  firstUnread = $state<number | null>(null);
  /** Sentinels may load more only once the opening position is set (and not during a jump). */
  settled = $state(false);
  loadingBefore = $state(false);
  loadingAfter = $state(false);
  jumping = $state(false);
  topInView = $state(false);
  bottomInView = $state(false);
  loadError = $state("");
  /**
   * Numbers of others' new posts that came while the reader was higher up (below the screen, or not
   * loaded at all): the "Nowe odpowiedzi (n)" button leads to the first; each leaves once in view.
   */
  newBelow = $state<number[]>([]);
  /** The list of posts, bound by the page: where posts are found and the reader's place is measured. */
  list = $state<HTMLOListElement>();
  /** The top sentinel is in view (or still, after a page came): load the page before. */
  readonly wantsEarlier = $derived(
    this.settled && this.topInView && this.shown.hasBefore && !this.loadingBefore && !this.jumping,
  );
  readonly wantsLater = $derived(
    this.settled && this.bottomInView && this.shown.hasAfter && !this.loadingAfter && !this.jumping,
  );
  /** Attachments for the sentinels before and after the list. */
  readonly topSentinel = inView((visible) => (this.topInView = visible));
  readonly bottomSentinel = inView((visible) => (this.bottomInView = visible));

  readonly #detail: () => ThreadDetail;
  readonly #viewerId: () => string | undefined;
  #readObserver: IntersectionObserver | null = null;
  #catchingUp = false;
  /** Asked again while a catch-up was running: its last answer may already be out of date. */
  #catchUpAgain = false;

  /** `detail`: the page's loaded thread (a new one on navigation); `viewerId`: who reads, if signed in. */
  constructor(detail: () => ThreadDetail, viewerId: () => string | undefined) {
    this.#detail = detail;
    this.#viewerId = viewerId;
  }

  /** Opening the page or another thread: its opening page; `position` then shows it at the anchor. */
  open(): void {
    const detail = this.#detail();
    this.settled = false;
    this.firstUnread =
      detail.lastReadNumber > 0 && detail.lastReadNumber < detail.thread.lastPostNumber
        ? detail.lastReadNumber + 1
        : null;
    this.loadError = "";
    this.newBelow = [];
    this.shown = windowOf(detail);
  }

  /**
   * New posts raise the thread's count and last number ("4 wpisy" → "5 wpisów"), whichever way they
   * came (one's own reply, a live push, catching up after a reconnect), each counted once by its number.
   */
  #count(posts: readonly PostView[]): void {
    let { postCount, lastPostNumber } = this.thread;
    for (const post of [...posts].sort((a, b) => a.number - b.number)) {
      if (post.number <= lastPostNumber) continue;
      postCount += 1;
      lastPostNumber = post.number;
    }
    if (lastPostNumber !== this.thread.lastPostNumber) this.thread = { ...this.thread, postCount, lastPostNumber };
  }

  /** Whether a shown post starts below the bottom of the screen. */
  #belowScreen(number: number): boolean {
    const element = this.#postElement(number);
    return element !== null && element.getBoundingClientRect().top >= window.innerHeight;
  }

  /** Drops from `newBelow` the posts that are now in view (or above it). */
  #forgetSeenBelow(): void {
    if (this.newBelow.length === 0) return;
    const left = this.newBelow.filter((number) => {
      const element = this.#postElement(number);
      return element === null ? this.shown.hasAfter : element.getBoundingClientRect().top >= window.innerHeight;
    });
    if (left.length !== this.newBelow.length) this.newBelow = left;
  }

  /** Follows scrolling until the cleanup it answers: new posts scrolled into view leave the button's count. */
  watchNewBelow(): () => void {
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        this.#forgetSeenBelow();
      });
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
    };
  }

  /** "Nowe odpowiedzi (n)": the first new post, scrolled to the top and focused (loaded first if need be). */
  async showNewBelow(): Promise<void> {
    const first = this.newBelow[0];
    if (first === undefined) return;
    this.newBelow = [];
    if (this.#postElement(first)) await this.position(first, true);
    else await this.jump({ to: "post", number: first });
  }

  #fetchPage(query: QueryOf<typeof endpoints.threads.posts>): Promise<PostsPage> {
    return callEndpoint(endpoints.threads.posts, { params: { id: this.thread.id }, query });
  }

  #postElement(number: number): HTMLElement | null {
    return this.list?.querySelector<HTMLElement>(`[data-number="${number}"]`) ?? null;
  }

  /** The first post at least partly below the top of the viewport: the reader's place. */
  #placeMarker(): { element: HTMLElement; top: number } | null {
    for (const element of this.list?.querySelectorAll<HTMLElement>("[data-number]") ?? []) {
      const { top, bottom } = element.getBoundingClientRect();
      if (bottom > 0) return { element, top };
    }
    return null;
  }

  /**
   * Changes the shown posts without moving what the reader looks at: posts added above or
   * dropped from above would otherwise push the text away (browsers' own scroll anchoring is
   * switched off for the list, it does not cover every case).
   */
  async #keepingPlace(change: () => void): Promise<void> {
    const marker = this.#placeMarker();
    change();
    await tick();
    if (marker?.element.isConnected) window.scrollBy(0, marker.element.getBoundingClientRect().top - marker.top);
  }

  /** A moderator's change (pushed, or made here with the tools: then not announced again). */
  receiveThreadUpdate(update: ThreadUpdateFields, announced: boolean): void {
    if (update.threadId !== this.thread.id) return;
    const before = this.thread;
    this.thread = { ...before, title: update.title, tags: update.tags, state: update.state };
    if (announced) announceThreadUpdate(before, update, this.thread.can.moderate);
  }

  /** A planned closing that comes while the page is open: the server says how it is now. Answers the cleanup. */
  watchClosing(): () => void {
    return whenClosing(this.thread.state.closesAt, () =>
      callEndpoint(endpoints.threads.detail, { params: { id: this.thread.id } }).then(
        (answer) => {
          // Merged meanwhile: the page learns that on its next load, not from here.
          if ("redirect" in answer) return;
          const now = answer.thread;
          this.receiveThreadUpdate({ threadId: now.id, title: now.title, tags: now.tags, state: now.state }, true);
        },
        () => undefined,
      ),
    );
  }

  async loadEarlier(): Promise<void> {
    if (this.loadingBefore || !this.shown.hasBefore || this.shown.posts.length === 0) return;
    this.loadingBefore = true;
    const threadId = this.thread.id;
    try {
      const from = firstNumber(this.shown);
      const page = await this.#fetchPage({ before: String(from) });
      // The window moved meanwhile (a jump, the other end trimmed it): this page may no longer join it.
      if (threadId !== this.thread.id || firstNumber(this.shown) !== from) return;
      await this.#keepingPlace(() => (this.shown = prepend(this.shown, page.posts, page.hasBefore)));
      this.loadError = "";
    } catch {
      this.loadError = translate("reading.loadFailed");
    } finally {
      this.loadingBefore = false;
    }
  }

  async loadLater(): Promise<void> {
    if (this.loadingAfter || !this.shown.hasAfter) return;
    this.loadingAfter = true;
    const threadId = this.thread.id;
    try {
      const from = lastNumber(this.shown);
      const page = await this.#fetchPage({ after: String(from) });
      if (threadId !== this.thread.id || lastNumber(this.shown) !== from) return;
      await this.#keepingPlace(() => (this.shown = append(this.shown, page.posts, page.hasAfter)));
      this.loadError = "";
    } catch {
      this.loadError = translate("reading.loadFailed");
    } finally {
      this.loadingAfter = false;
    }
  }

  /** An attachment for each post: it counts as read once most of it (or a screenful of a long one) was in view. */
  readonly observeReading = (element: HTMLElement) => {
    this.#readObserver?.observe(element);
    return () => this.#readObserver?.unobserve(element);
  };

  /** Tells the server how far the signed-in reader has read, until the cleanup it answers. */
  trackReading(): () => void {
    const tracker = trackReading(this.thread.id, this.#detail().lastReadNumber);
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const target = entry.target as HTMLElement;
          const seen =
            entry.intersectionRatio >= 0.6 ||
            entry.intersectionRect.height >= (entry.rootBounds?.height ?? window.innerHeight) * 0.5;
          if (entry.isIntersecting && seen) tracker.seen(Number(target.dataset.number));
        }
      },
      { threshold: [0, 0.3, 0.6, 1] },
    );
    this.#readObserver = observer;
    for (const element of this.list?.querySelectorAll<HTMLElement>("[data-number]") ?? []) observer.observe(element);
    return () => {
      observer.disconnect();
      if (this.#readObserver === observer) this.#readObserver = null;
      tracker.stop();
    };
  }

  /** Shows a page and puts the given post (or the page's top) at the top of the screen. */
  async #showPage(page: PostsPage, target: number | null, focus: boolean): Promise<void> {
    this.settled = false;
    this.shown = windowOf(page);
    await tick();
    await this.position(target, focus);
  }

  /** Scrolls the given post (or the list's top, or the page's) into view; the sentinels may then load. */
  async position(target: number | null, focus: boolean): Promise<void> {
    this.settled = false;
    const element = target === null ? null : this.#postElement(target);
    if (element) element.scrollIntoView({ block: "start" });
    else if (focus) this.list?.scrollIntoView({ block: "start" });
    if (focus) (element ?? this.list)?.focus({ preventScroll: true });
    // Let the sentinels see where they are now before they may load anything.
    await new Promise((done) => requestAnimationFrame(() => done(undefined)));
    this.settled = true;
  }

  async jump(to: Jump): Promise<void> {
    if (this.jumping) return;
    this.jumping = true;
    try {
      const query: QueryOf<typeof endpoints.threads.posts> =
        to.to === "top"
          ? { after: "0" }
          : to.to === "last"
            ? { last: "1" }
            : to.to === "firstUnread"
              ? { around: String(this.firstUnread ?? 1) }
              : to.to === "post"
                ? { around: String(to.number) }
                : { at: to.date.toISOString() };
      const page = await this.#fetchPage(query);
      const target =
        to.to === "top"
          ? (page.posts[0]?.number ?? null)
          : to.to === "post" && page.posts.some((post) => post.number === to.number)
            ? to.number
            : page.anchor;
      await this.#showPage(page, target, true);
      this.loadError = "";
      if (target !== null) announce(translate("reading.jumped", { number: target }));
    } catch {
      this.loadError = translate("reading.loadFailed");
    } finally {
      this.jumping = false;
    }
  }

  /** This visitor's own edit, deletion or reaction: the server's answer is the post as they see it. */
  changePost(post: PostView): void {
    this.shown = replace(this.shown, post);
  }

  removePost(postId: string): void {
    if (!this.#isShown(postId)) return;
    this.shown = { ...this.shown, posts: this.shown.posts.filter((post) => post.id !== postId) };
  }

  #isShown(id: string): boolean {
    return this.shown.posts.some((post) => post.id === id);
  }

  /**
   * A change pushed by the server. The push is the post as everyone sees it: its text, dates and
   * counts are taken, this visitor's own reactions (`mine`) and permissions (`can`) are kept.
   * Others' edits and deletions are announced politely, focus stays where it is.
   */
  #receiveUpdate(update: PostView): void {
    const current = this.shown.posts.find((post) => post.id === update.id);
    if (!current) return;
    const mine = current.reactions.filter((reaction) => reaction.mine).map((reaction) => reaction.kind);
    const deleted = update.deletedAt !== null;
    this.changePost({
      ...current,
      html: update.html,
      editedAt: update.editedAt,
      deletedAt: update.deletedAt,
      hidden: update.hidden,
      editedByModerator: update.editedByModerator,
      reactions: update.reactions.map((reaction) => ({ ...reaction, mine: mine.includes(reaction.kind) })),
      can: deleted ? { ...current.can, edit: false, delete: false, react: false, flag: false } : current.can,
    });
    const name = update.author.name;
    if ((update.hidden === null) !== (current.hidden === null)) {
      announce(translate(update.hidden ? "flags.hiddenLive" : "flags.restoredLive", { name }));
      // The push is the placeholder everyone may see: the author and moderators fetch their own copy.
      void this.#refetchPost(update.id);
      return;
    }
    if (deleted && current.deletedAt === null) announce(translate("post.deletedLive", { name }));
    else if (!deleted && update.editedAt !== current.editedAt) announce(translate("post.editedLive", { name }));
  }

  async #refetchPost(postId: string): Promise<void> {
    try {
      const answer = await callEndpoint(endpoints.posts.detail, { params: { id: postId } });
      if (this.#isShown(postId)) this.changePost(answer.post);
    } catch {
      // Gone or offline: the pushed placeholder stays until the next load.
    }
  }

  #receiveRemoval(postId: string): void {
    if (!this.#isShown(postId)) return;
    this.removePost(postId);
    announce(translate("flags.removedLive"));
  }

  /**
   * New posts at the end of the thread, following post `from`: shown when the window still reaches
   * the end and holds `from` (else they would leave a hole), else loaded by scrolling.
   */
  async #receiveNewer(posts: PostView[], hasAfter: boolean, from: number): Promise<void> {
    this.#count(posts);
    if (this.shown.hasAfter) return;
    if (from > 0 && !this.shown.posts.some((post) => post.number === from)) return;
    const fresh = posts.filter((post) => !this.#isShown(post.id));
    if (fresh.length === 0) return;
    await this.#keepingPlace(() => (this.shown = append(this.shown, fresh, hasAfter)));
    const viewerId = this.#viewerId();
    const others = fresh.filter((post) => post.author.id !== viewerId);
    // Those the reader cannot see (they are higher up) are offered by "Nowe odpowiedzi (n)".
    const below = others.filter((post) => this.#belowScreen(post.number)).map((post) => post.number);
    if (below.length) this.newBelow = withoutRepeats([...this.newBelow, ...below]);
    // Polite, and focus stays where it is: the reader may be in the middle of typing a reply.
    if (below.length) announce(translate("reading.newBelow", { count: this.newBelow.length }));
    else if (others.length === 1) announce(translate("thread.newPostFrom", { name: others[0]?.author.name }));
    else if (others.length > 1) announce(translate("reading.newPosts", { count: others.length }));
  }

  /** This visitor's own reply, from the reply form (which announces it itself). */
  async addPost(post: PostView): Promise<void> {
    this.#count([post]);
    // The live push may have come first, without this visitor's permissions: the answer wins.
    if (this.#isShown(post.id)) return this.changePost(post);
    if (this.shown.hasAfter) {
      await this.jump({ to: "last" });
      return;
    }
    // Others' posts written just before it have not arrived yet: fetch them with it, in order.
    if (post.number > lastNumber(this.shown) + 1) return void this.#catchUp(this.thread.id);
    await this.#keepingPlace(() => (this.shown = append(this.shown, [post], false)));
  }

  /**
   * A new post as pushed to everyone: it carries no permissions. Whether this visitor may react
   * is the same for every post of the thread (group membership), so it is taken from the shown
   * ones; editing and deleting someone else's new post needs a reload (moderators only).
   */
  #receivePush(post: PostView): void {
    this.#count([post]);
    if (this.#isShown(post.id)) return;
    // Not loaded (the reader is far up a long thread): the button offers it all the same.
    if (this.shown.hasAfter && post.author.id !== this.#viewerId()) {
      this.newBelow = withoutRepeats([...this.newBelow, post.number]);
      announce(translate("reading.newBelow", { count: this.newBelow.length }));
      return;
    }
    // A push that skips numbers means something was missed: fetch rather than leave a hole.
    if (!this.shown.hasAfter && this.shown.posts.length > 0 && post.number > lastNumber(this.shown) + 1) {
      void this.#catchUp(this.thread.id);
      return;
    }
    const react = this.shown.posts.some((other) => other.can.react);
    const can = { edit: false, delete: false, react, flag: react, hide: false, restore: false, purge: false };
    void this.#receiveNewer([{ ...post, can }], false, post.number - 1);
  }

  /**
   * Right after (re)joining the thread's room: the posts after the last one shown, page by page,
   * so nothing written meanwhile is missing and nothing is shown twice.
   */
  async #catchUp(threadId: string): Promise<void> {
    this.#catchUpAgain = true;
    if (this.#catchingUp) return;
    this.#catchingUp = true;
    try {
      while (this.#catchUpAgain && threadId === this.thread.id) {
        this.#catchUpAgain = false;
        for (let more = true; more && !this.shown.hasAfter && threadId === this.thread.id;) {
          const from = lastNumber(this.shown);
          const page = await this.#fetchPage({ after: String(from) });
          if (threadId !== this.thread.id) return;
          await this.#receiveNewer(page.posts, page.hasAfter, from);
          more = page.hasAfter && page.posts.length > 0;
        }
      }
    } catch {
      // Offline again or signed out: the next reconnect (or a reload) tries again.
    } finally {
      this.#catchingUp = false;
    }
  }

  /**
   * Follows the open thread live until the cleanup it answers, which leaves the room (and closes the
   * shared connection once nobody uses it).
   */
  follow(): () => void {
    const threadId = this.thread.id;
    return followThread(threadId, {
      onPost: (post) => this.#receivePush(post),
      onUpdate: (update) => this.#receiveUpdate(update),
      onRemove: (postId) => this.#receiveRemoval(postId),
      onJoined: () => void this.#catchUp(threadId),
      onThreadUpdate: (update) => this.receiveThreadUpdate(update, true),
    });
  }
}
