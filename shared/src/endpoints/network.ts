import type {
  CategorySummary,
  GroupDetail,
  GroupList,
  HomeOverview,
  LeaderPage,
  NetworkMap,
  NetworkOverview,
  PersonView,
} from "../index.js";
import { categoryInputSchema } from "../schemas/category.js";
import { leaderQuerySchema } from "../schemas/network.js";
import { freeTagsSchema } from "../schemas/tags.js";
import { defineEndpoints, json } from "./endpoint.js";

/** The network's public face, the signed-in home page, groups with their spaces, and people's cards. */
export const networkEndpoints = defineEndpoints("Sieć i grupy", {
  overview: {
    method: "get",
    path: "/network",
    summary: "Opis sieci",
    signedIn: false,
    response: json<NetworkOverview>(),
  },
  map: {
    method: "get",
    path: "/network/map",
    summary: "Mapa sieci",
    signedIn: false,
    response: json<NetworkMap>(),
  },
  categories: {
    method: "get",
    path: "/network/categories",
    summary: "Kategorie sieci",
    signedIn: true,
    response: json<{ categories: CategorySummary[] }>(),
  },
  createCategory: {
    method: "post",
    path: "/network/categories",
    summary: "Nowa kategoria sieci",
    signedIn: true,
    body: categoryInputSchema,
    status: 201,
    response: json<{ category: CategorySummary }>(),
  },
  leaders: {
    method: "get",
    path: "/network/leaders",
    summary: "Katalog liderów",
    signedIn: true,
    query: leaderQuerySchema,
    response: json<LeaderPage>(),
  },
  home: {
    method: "get",
    path: "/home",
    summary: "Strona główna zalogowanej osoby",
    signedIn: true,
    response: json<HomeOverview>(),
  },
  groups: {
    method: "get",
    path: "/groups",
    summary: "Moje grupy",
    signedIn: true,
    response: json<GroupList>(),
  },
  group: {
    method: "get",
    path: "/groups/:slug",
    summary: "Grupa",
    signedIn: true,
    response: json<GroupDetail>(),
  },
  createGroupCategory: {
    method: "post",
    path: "/groups/:slug/categories",
    summary: "Nowa kategoria grupy",
    signedIn: true,
    body: categoryInputSchema,
    status: 201,
    response: json<{ category: CategorySummary }>(),
  },
  setFreeTags: {
    method: "put",
    path: "/groups/:slug/free-tags",
    summary: "Wolne tagi grupy",
    signedIn: true,
    body: freeTagsSchema,
    response: json<{ allowFreeTags: boolean }>(),
  },
  person: {
    method: "get",
    path: "/people/:username",
    summary: "Profil osoby",
    signedIn: true,
    response: json<{ person: PersonView }>(),
  },
});
