import type {
  AdminUserPage,
  AdminUserView,
  ConsentHistoryResponse,
  LaunchChecklistResponse,
  SitePageResponse,
} from "../index.js";
import { adminUserQuerySchema, userRoleChangeSchema, userSuspendSchema } from "../schemas/account.js";
import { adminAccountEraseSchema, userRestrictionSchema } from "../schemas/erasure.js";
import { sitePageUpdateSchema } from "../sitePages.js";
import { defineEndpoints, file, json, objectId } from "./endpoint.js";

const user = json<{ user: AdminUserView }>();

/** People's accounts as moderators and admins handle them, and the information pages. */
export const adminEndpoints = defineEndpoints("Administracja", {
  users: {
    method: "get",
    path: "/admin/users",
    summary: "Lista kont",
    signedIn: true,
    query: adminUserQuerySchema,
    /** `total`: how many match the filters, whatever page this is. */
    response: json<AdminUserPage>(),
  },
  changeRole: {
    method: "patch",
    path: "/admin/users/:id/role",
    summary: "Zmiana roli konta",
    signedIn: true,
    params: { id: objectId },
    body: userRoleChangeSchema,
    response: user,
  },
  suspend: {
    method: "post",
    path: "/admin/users/:id/suspend",
    summary: "Zawieszenie konta",
    signedIn: true,
    params: { id: objectId },
    body: userSuspendSchema,
    response: user,
  },
  unsuspend: {
    method: "post",
    path: "/admin/users/:id/unsuspend",
    summary: "Przywrócenie konta",
    signedIn: true,
    params: { id: objectId },
    response: user,
  },
  exportData: {
    method: "get",
    path: "/admin/users/:id/export",
    summary: "Dane osoby (RODO) na jej wniosek: archiwum ZIP",
    signedIn: true,
    params: { id: objectId },
    response: file("zip"),
  },
  consentHistory: {
    method: "get",
    path: "/admin/users/:id/consents",
    summary: "Historia zgód osoby",
    signedIn: true,
    params: { id: objectId },
    response: json<ConsentHistoryResponse>(),
  },
  erase: {
    method: "post",
    path: "/admin/users/:id/erase",
    summary: "Usunięcie konta osoby na jej wniosek (RODO)",
    signedIn: true,
    params: { id: objectId },
    body: adminAccountEraseSchema,
    response: user,
  },
  restrict: {
    method: "post",
    path: "/admin/users/:id/restriction",
    summary: "Ograniczenie przetwarzania danych konta",
    signedIn: true,
    params: { id: objectId },
    body: userRestrictionSchema,
    response: user,
  },
  liftRestriction: {
    method: "delete",
    path: "/admin/users/:id/restriction",
    summary: "Zniesienie ograniczenia przetwarzania",
    signedIn: true,
    params: { id: objectId },
    response: user,
  },
  page: {
    method: "get",
    path: "/pages/:slug",
    summary: "Strona informacyjna (polityka prywatności, deklaracja dostępności)",
    signedIn: false,
    response: json<SitePageResponse>(),
  },
  updatePage: {
    method: "put",
    path: "/pages/:slug",
    summary: "Zmiana strony informacyjnej",
    signedIn: true,
    body: sitePageUpdateSchema,
    response: json<SitePageResponse>(),
  },
  launchChecklist: {
    method: "get",
    path: "/admin/launch-checklist",
    summary: "Lista kontrolna przed uruchomieniem (strony prawne, adres, poczta, sekret sesji, kopia zapasowa)",
    signedIn: true,
    response: json<LaunchChecklistResponse>(),
  },
});
