import { Router } from "express";
import { passwordResetConfirmSchema, passwordResetRequestSchema } from "@forum/shared";
import { passwordResetRequester } from "../commands/passwordResetRequester.js";
import { passwordResetter } from "../commands/passwordResetter.js";
import type { Config } from "../config.js";
import { countAttempt } from "../http/rateLimits.js";
import { parseInput } from "../http/validation.js";

/** The one answer to a reset request: it never tells whether the address has an account. */
export const PASSWORD_RESET_REQUESTED =
  "Jeśli konto o tym adresie istnieje, wysłaliśmy na nie link do ustawienia nowego hasła.";

export function passwordResetRoutes(config: Pick<Config, "PASSWORD_RESET_TTL_MINUTES">): Router {
  const router = Router();

  router.post("/auth/password-reset/request", async (req, res) => {
    const { email } = parseInput(passwordResetRequestSchema, req.body);
    await countAttempt("passwordReset", req.ip ?? "unknown", email);
    // Not awaited: the answer and its timing are the same for known and unknown addresses.
    passwordResetRequester({ email, validMinutes: config.PASSWORD_RESET_TTL_MINUTES, context: req.context }).catch(
      (error: unknown) => req.log.error({ err: error }, "password reset request failed"),
    );
    res.status(202).json({ message: PASSWORD_RESET_REQUESTED });
  });

  router.post("/auth/password-reset/confirm", async (req, res) => {
    const { token, password } = parseInput(passwordResetConfirmSchema, req.body);
    await passwordResetter({ token, password, context: req.context });
    res.json({ message: "Hasło zmienione. Możesz się zalogować." });
  });

  return router;
}
