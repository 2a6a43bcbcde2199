import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as polish from "@zxcvbn-ts/language-pl";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn score 0–4; 3 means "safely unguessable" for an online attacker with throttling. */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
/** Built on first use: the dictionaries are large, and most requests never check a password. */
function passwordEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...polish.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return estimator;
}

/** Null when the password is strong enough, otherwise the Polish reason to show. */
export function passwordWeakness(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Hasło musi mieć co najmniej ${PASSWORD_MIN_LENGTH} znaków.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Hasło może mieć najwyżej ${PASSWORD_MAX_LENGTH} znaków.`;
  if (passwordEstimator().check(password).score < MIN_SCORE) {
    return "To hasło jest zbyt łatwe do odgadnięcia (popularne słowo, imię lub prosty wzór). Dodaj kilka nieoczywistych słów.";
  }
  return null;
}
