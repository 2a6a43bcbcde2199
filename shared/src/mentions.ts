import type MarkdownIt from "markdown-it";

type Markdown = InstanceType<typeof MarkdownIt>;
type Token = ReturnType<Markdown["parse"]>[number];

/** Where a resolved mention links to. */
export interface MentionTarget {
  href: string;
  /** The person's name, for the link's title. */
  name: string;
}

/**
 * Render environment: the server puts the mentions it resolved (only people who may read the
 * thread) here; without an entry a mention stays plain text (and the preview shows it so).
 */
export interface MentionEnv {
  mentions?: ReadonlyMap<string, MentionTarget>;
  [key: string | symbol]: unknown;
}

const MENTION = /^@([a-z0-9](?:[a-z0-9._-]{0,38}[a-z0-9])?)/i;
/** A character that may not stand right before "@": it would be part of a word or an e-mail address. */
const WORD_BEFORE = /[\p{L}\p{N}_.+@-]/u;

/** `@username` outside code and outside link text becomes a `mention` token. */
export function mentionPlugin(md: Markdown): void {
  md.inline.ruler.push("mention", (state, silent) => {
    const start = state.pos;
    if (state.src.charCodeAt(start) !== 0x40 /* @ */ || state.linkLevel > 0) return false;
    const before = start > 0 ? state.src.charAt(start - 1) : "";
    if (before && WORD_BEFORE.test(before)) return false;
    const match = MENTION.exec(state.src.slice(start, start + 42));
    if (!match?.[1]) return false;
    if (!silent) {
      const token = state.push("mention", "", 0);
      token.content = match[0];
      token.meta = { username: match[1].toLowerCase() };
    }
    state.pos += match[0].length;
    return true;
  });

  md.renderer.rules.mention = (tokens, index, _options, rawEnv) => {
    const env = rawEnv as MentionEnv | undefined;
    const token = tokens[index];
    if (!token) return "";
    const username = (token.meta as { username: string }).username;
    const target = env?.mentions?.get(username);
    const text = md.utils.escapeHtml(token.content);
    if (!target) return text;
    return `<a class="mention" href="${md.utils.escapeHtml(target.href)}" title="${md.utils.escapeHtml(target.name)}">${text}</a>`;
  };
}

function* inlineChildren(tokens: Token[]): Generator<{ child: Token; inQuote: boolean }> {
  let quoteDepth = 0;
  for (const token of tokens) {
    if (token.type === "blockquote_open") quoteDepth += 1;
    else if (token.type === "blockquote_close") quoteDepth -= 1;
    else if (token.type === "inline")
      for (const child of token.children ?? []) yield { child, inQuote: quoteDepth > 0 };
  }
}

/** The usernames a text mentions (lower-case, each once), as the renderer will see them. */
export function collectMentions(md: Markdown, source: string): string[] {
  const found = new Set<string>();
  for (const { child } of inlineChildren(md.parse(source, {})))
    if (child.type === "mention") found.add((child.meta as { username: string }).username);
  return [...found];
}

/** A link to a post, as the "Cytuj" action writes it: /watki/<threadId>#wpis-<postId>. */
const POST_LINK = /\/watki\/([0-9a-f]{24})#wpis-([0-9a-f]{24})$/;

/** Ids of posts quoted: links to a post inside a blockquote (the attribution line "Cytuj" inserts). */
export function collectQuotedPostIds(md: Markdown, source: string): string[] {
  const found = new Set<string>();
  for (const { child, inQuote } of inlineChildren(md.parse(source, {}))) {
    if (!inQuote || child.type !== "link_open") continue;
    const match = POST_LINK.exec(String(child.attrGet("href") ?? ""));
    if (match?.[2]) found.add(match[2]);
  }
  return [...found];
}

/** The markdown "Cytuj" puts into the composer: attribution with a link, then the quoted text. */
export function quoteMarkdown(props: { authorName: string; threadId: string; postId: string; text: string }): string {
  const escapedName = props.authorName.replace(/[[\]\\*_`]/g, (character) => `\\${character}`);
  const lines = props.text.trim().split(/\r?\n/);
  return [
    `> [${escapedName}](/watki/${props.threadId}#wpis-${props.postId}):`,
    ...lines.map((line) => (line ? `> ${line}` : ">")),
    "",
    "",
  ].join("\n");
}
