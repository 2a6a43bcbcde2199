import { Router } from "express";
import passport from "passport";
import { loginSchema, type UserSummary } from "@forum/shared";
import { AppError } from "../errors/AppError.js";
import { parseInput } from "../http/validation.js";
import { Jst } from "../models/Jst.js";
import type { UserDocument } from "../models/User.js";
import { presentUser } from "../presenters/userPresenter.js";

async function presentSignedIn(user: UserDocument): Promise<UserSummary> {
  const jst = user.jstId ? await Jst.findById(user.jstId).lean() : null;
  return presentUser(user, jst);
}

const invalidCredentials = () => new AppError(401, "invalid_credentials", "Nieprawidłowy e-mail lub hasło.");

export function authRoutes(): Router {
  const router = Router();

  router.get("/auth/me", async (req, res) => {
    res.json({ user: req.user && req.actor ? await presentSignedIn(req.user) : null });
  });

  router.post("/auth/login", (req, res, next) => {
    req.body = parseInput(loginSchema, req.body);
    passport.authenticate("local", (error: unknown, user: UserDocument | false) => {
      if (error) return next(error);
      if (!user) return next(invalidCredentials());
      if (user.status === "suspended") return next(new AppError(403, "account_suspended", "Konto jest zawieszone."));
      if (user.status !== "active")
        return next(new AppError(403, "account_pending", "Konto czeka na zatwierdzenie przez moderatora."));
      // Regenerating the session id on sign-in prevents session fixation.
      req.session.regenerate((regenerateError) => {
        if (regenerateError) return next(regenerateError);
        req.login(user, (loginError) => {
          if (loginError) return next(loginError);
          presentSignedIn(user).then((summary) => res.json({ user: summary }), next);
        });
      });
    })(req, res, next);
  });

  router.post("/auth/logout", (req, res, next) => {
    req.logout((logoutError) => {
      if (logoutError) return next(logoutError);
      req.session.destroy((destroyError) => {
        if (destroyError) return next(destroyError);
        res.clearCookie("forum.sid").status(204).end();
      });
    });
  });

  return router;
}
