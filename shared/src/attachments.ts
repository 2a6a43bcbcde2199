/**
 * Files that can be attached to posts: the project's presentations, PDFs, office documents
 * and images. The server decides the type from the content; the names here only help the
 * browser's file picker and the download name.
 */
export interface AttachmentType {
  mime: string;
  /** The first one is appended to a download name that lacks a matching one. */
  extensions: readonly string[];
  /** Shown inline with a thumbnail. */
  image: boolean;
}

export const ATTACHMENT_TYPES: readonly AttachmentType[] = [
  { mime: "application/pdf", extensions: ["pdf"], image: false },
  { mime: "application/msword", extensions: ["doc"], image: false },
  {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
    image: false,
  },
  { mime: "application/vnd.ms-excel", extensions: ["xls"], image: false },
  { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"], image: false },
  { mime: "application/vnd.ms-powerpoint", extensions: ["ppt"], image: false },
  {
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: ["pptx"],
    image: false,
  },
  { mime: "application/vnd.oasis.opendocument.text", extensions: ["odt"], image: false },
  { mime: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"], image: false },
  { mime: "application/vnd.oasis.opendocument.presentation", extensions: ["odp"], image: false },
  { mime: "text/csv", extensions: ["csv"], image: false },
  { mime: "text/plain", extensions: ["txt"], image: false },
  { mime: "image/png", extensions: ["png"], image: true },
  { mime: "image/jpeg", extensions: ["jpg", "jpeg"], image: true },
  { mime: "image/webp", extensions: ["webp"], image: true },
  { mime: "image/gif", extensions: ["gif"], image: true },
];

/** For `<input type="file" accept>`: what the picker offers first (the server still checks). */
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.flatMap((type) => type.extensions.map((ext) => `.${ext}`)).join(",");

export const attachmentTypeByMime = (mime: string): AttachmentType | undefined =>
  ATTACHMENT_TYPES.find((type) => type.mime === mime);

/** The addresses posts link to; the server finds attachments in a post's markdown by them. */
export const attachmentUrl = (id: string): string => `/api/attachments/${id}`;
export const attachmentThumbnailUrl = (id: string): string => `/api/attachments/${id}/thumbnail`;
export const ATTACHMENT_URL_PATTERN = /\/api\/attachments\/([a-f0-9]{24})\b/g;

/** Ids of the attachments a post's markdown links to, each once. */
export function attachmentIdsIn(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(ATTACHMENT_URL_PATTERN)].map((match) => match[1]!))];
}

/** "1,5 MB", "230 kB", "12 B" (Polish decimal comma). */
export function formatFileSize(bytes: number, locale = "pl-PL"): string {
  const format = (value: number, unit: string) =>
    `${new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} ${unit}`;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return format(bytes / 1024, "kB");
  return format(bytes / (1024 * 1024), "MB");
}

/** Link text must not end the link early or start formatting. */
const escapeLinkText = (text: string): string => text.replace(/[\\[\]()*_`<>!]/g, (char) => `\\${char}`);

/** What the composer inserts: an image as its thumbnail linking to the full file, any other file as a link. */
export function attachmentMarkdown(attachment: { id: string; name: string; size: number; image: boolean }): string {
  const name = escapeLinkText(attachment.name);
  if (attachment.image) {
    return `[![${name}](${attachmentThumbnailUrl(attachment.id)})](${attachmentUrl(attachment.id)})`;
  }
  return `[${name} (${formatFileSize(attachment.size)})](${attachmentUrl(attachment.id)})`;
}
