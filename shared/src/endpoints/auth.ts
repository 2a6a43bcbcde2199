import type { MeResponse, UserSummary } from "../index.js";
import { loginSchema } from "../schemas/auth.js";
import { passwordResetConfirmSchema, passwordResetRequestSchema } from "../schemas/account.js";
import { defineEndpoints, json, noContent } from "./endpoint.js";

export const authEndpoints = defineEndpoints("Logowanie", {
  csrf: {
    method: "get",
    path: "/auth/csrf",
    summary: "Token CSRF sesji",
    signedIn: false,
    response: json<{ token: string }>(),
  },
  me: {
    method: "get",
    path: "/auth/me",
    summary: "Zalogowana osoba (lub null)",
    signedIn: false,
    response: json<MeResponse>(),
  },
  login: {
    method: "post",
    path: "/auth/login",
    summary: "Logowanie e-mailem i hasłem",
    signedIn: false,
    body: loginSchema,
    response: json<{ user: UserSummary }>(),
  },
  logout: {
    method: "post",
    path: "/auth/logout",
    summary: "Wylogowanie",
    signedIn: false,
    response: noContent(),
    notFuzzed: "kończy sesję fuzzera",
  },
  passwordResetRequest: {
    method: "post",
    path: "/auth/password-reset/request",
    summary: "Prośba o link do zmiany hasła",
    signedIn: false,
    body: passwordResetRequestSchema,
    status: 202,
    response: json<{ message: string }>(),
  },
  passwordResetConfirm: {
    method: "post",
    path: "/auth/password-reset/confirm",
    summary: "Nowe hasło z linku",
    signedIn: false,
    body: passwordResetConfirmSchema,
    response: json<{ message: string }>(),
  },
});
