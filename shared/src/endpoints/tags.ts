import type { TagGroupView, TagOverview, TagPage, TagSectionPage } from "../index.js";
import {
  tagGroupInputSchema,
  tagInputSchema,
  tagMergeSchema,
  tagMoveSchema,
  tagSectionQuerySchema,
  tagSectionSchema,
  tagUpdateSchema,
} from "../schemas/tags.js";
import { defineEndpoints, json, lookup, noContent } from "./endpoint.js";

const tagGroup = json<{ tagGroup: { slug: string; name: string; description: string } }>();
const tag = json<{ tag: { slug: string; name: string; description: string } }>();
const overview = json<TagOverview>();
const followed = json<{ followed: boolean }>();

/** The taxonomy (moderators manage it), tag pages, following tags. */
export const tagEndpoints = defineEndpoints("Tagi", {
  taxonomy: {
    method: "get",
    path: "/tags",
    summary: "Tagi do wyboru",
    signedIn: true,
    response: json<{ tagGroups: TagGroupView[] }>(),
  },
  overview: {
    method: "get",
    path: "/tag-groups",
    summary: "Grupy tagów",
    signedIn: false,
    response: overview,
  },
  createTagGroup: {
    method: "post",
    path: "/tag-groups",
    summary: "Nowa grupa tagów",
    signedIn: true,
    body: tagGroupInputSchema,
    status: 201,
    response: tagGroup,
  },
  updateTagGroup: {
    method: "patch",
    path: "/tag-groups/:slug",
    summary: "Zmiana grupy tagów",
    signedIn: true,
    body: tagGroupInputSchema,
    response: tagGroup,
  },
  moveTagGroup: {
    method: "post",
    path: "/tag-groups/:slug/move",
    summary: "Przesunięcie grupy tagów",
    signedIn: true,
    body: tagMoveSchema,
    response: overview,
  },
  deleteTagGroup: {
    method: "delete",
    path: "/tag-groups/:slug",
    summary: "Usunięcie grupy tagów",
    signedIn: true,
    response: noContent(),
  },
  createTag: {
    method: "post",
    path: "/tags",
    summary: "Nowy tag",
    signedIn: true,
    body: tagInputSchema,
    status: 201,
    response: tag,
  },
  updateTag: {
    method: "patch",
    path: "/tags/:slug",
    summary: "Zmiana tagu",
    signedIn: true,
    body: tagUpdateSchema,
    response: tag,
  },
  moveTag: {
    method: "post",
    path: "/tags/:slug/move",
    summary: "Przesunięcie tagu",
    signedIn: true,
    body: tagMoveSchema,
    response: overview,
  },
  mergeTag: {
    method: "post",
    path: "/tags/:slug/merge",
    summary: "Scalenie tagów",
    signedIn: true,
    body: tagMergeSchema,
    /** How many threads, practices and analyses carried the merged tag. */
    response: json<{ documents: number }>(),
  },
  deleteTag: {
    method: "delete",
    path: "/tags/:slug",
    summary: "Usunięcie tagu",
    signedIn: true,
    response: json<{ documents: number }>(),
  },
  page: {
    method: "get",
    path: "/tags/:slug",
    summary: "Strona tagu",
    signedIn: false,
    response: json<TagPage>(),
  },
  /** An unknown section is an unknown page (404), not bad input. */
  section: {
    method: "get",
    path: "/tags/:slug/:section",
    summary: "Sekcja strony tagu",
    signedIn: false,
    params: { section: lookup(tagSectionSchema) },
    query: tagSectionQuerySchema,
    response: json<TagSectionPage>(),
  },
  follow: {
    method: "put",
    path: "/tags/:slug/follow",
    summary: "Obserwowanie tagu",
    signedIn: true,
    response: followed,
  },
  unfollow: {
    method: "delete",
    path: "/tags/:slug/follow",
    summary: "Koniec obserwowania tagu",
    signedIn: true,
    response: followed,
  },
});
