import type { AttachmentView, DraftView, FlagReason, FlagStatus, PostRevisionView, PostView } from "../index.js";
import { saveDraftSchema } from "../schemas/draft.js";
import { createFlagSchema } from "../schemas/flags.js";
import { editPostSchema, reactionKindSchema } from "../schemas/post.js";
import { defineEndpoints, file, json, noContent, objectId } from "./endpoint.js";

const post = json<{ post: PostView }>();
const draft = json<{ draft: DraftView | null }>();
const reaction = { id: objectId, kind: reactionKindSchema };

/** Posts (editing, history, reactions, reports), drafts kept on the server, attachments. */
export const postEndpoints = defineEndpoints("Wpisy", {
  detail: {
    method: "get",
    path: "/posts/:id",
    summary: "Wpis",
    signedIn: true,
    params: { id: objectId },
    response: post,
  },
  edit: {
    method: "patch",
    path: "/posts/:id",
    summary: "Edycja wpisu",
    signedIn: true,
    params: { id: objectId },
    body: editPostSchema,
    response: post,
  },
  delete: {
    method: "delete",
    path: "/posts/:id",
    summary: "Usunięcie wpisu",
    signedIn: true,
    params: { id: objectId },
    response: noContent(),
  },
  revisions: {
    method: "get",
    path: "/posts/:id/revisions",
    summary: "Historia zmian wpisu",
    signedIn: true,
    params: { id: objectId },
    response: json<{ revisions: PostRevisionView[] }>(),
  },
  react: {
    method: "put",
    path: "/posts/:id/reactions/:kind",
    summary: "Dodanie reakcji",
    signedIn: true,
    params: reaction,
    response: post,
  },
  unreact: {
    method: "delete",
    path: "/posts/:id/reactions/:kind",
    summary: "Cofnięcie reakcji",
    signedIn: true,
    params: reaction,
    response: post,
  },
  flag: {
    method: "post",
    path: "/posts/:id/flags",
    summary: "Zgłoszenie wpisu",
    signedIn: true,
    params: { id: objectId },
    body: createFlagSchema,
    status: 201,
    response: json<{ flag: { id: string; reason: FlagReason; status: FlagStatus } }>(),
  },
  replyDraft: {
    method: "get",
    path: "/drafts/thread/:threadId",
    summary: "Szkic odpowiedzi",
    signedIn: true,
    params: { threadId: objectId },
    response: draft,
  },
  saveReplyDraft: {
    method: "put",
    path: "/drafts/thread/:threadId",
    summary: "Zapis szkicu odpowiedzi",
    signedIn: true,
    params: { threadId: objectId },
    body: saveDraftSchema,
    response: draft,
  },
  discardReplyDraft: {
    method: "delete",
    path: "/drafts/thread/:threadId",
    summary: "Usunięcie szkicu odpowiedzi",
    signedIn: true,
    params: { threadId: objectId },
    response: noContent(),
  },
  threadDraft: {
    method: "get",
    path: "/drafts/category/:categoryId",
    summary: "Szkic nowego wątku",
    signedIn: true,
    params: { categoryId: objectId },
    response: draft,
  },
  saveThreadDraft: {
    method: "put",
    path: "/drafts/category/:categoryId",
    summary: "Zapis szkicu nowego wątku",
    signedIn: true,
    params: { categoryId: objectId },
    body: saveDraftSchema,
    response: draft,
  },
  discardThreadDraft: {
    method: "delete",
    path: "/drafts/category/:categoryId",
    summary: "Usunięcie szkicu nowego wątku",
    signedIn: true,
    params: { categoryId: objectId },
    response: noContent(),
  },
  upload: {
    method: "post",
    path: "/uploads",
    summary: "Przesłanie załącznika",
    signedIn: true,
    upload: "file",
    status: 201,
    response: json<{ attachment: AttachmentView }>(),
  },
  /** Visitors may download the files of public practices; anything else needs a session (401). */
  attachment: {
    method: "get",
    path: "/attachments/:id",
    summary: "Załącznik",
    signedIn: false,
    params: { id: objectId },
    response: file("image"),
  },
  thumbnail: {
    method: "get",
    path: "/attachments/:id/thumbnail",
    summary: "Miniatura załącznika",
    signedIn: false,
    params: { id: objectId },
    response: file("image"),
  },
});
