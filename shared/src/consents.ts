/**
 * The wording of every consent, per version: the profile shows the current one and every ConsentRecord names the
 * version (and a digest of its Polish text), so it can always be shown which words a person agreed to (RODO art. 7).
 * Never change a published version's words: add a new version instead.
 */
export const CONSENT_KINDS = ["digest", "mentionEmails", "directoryListing", "newsletter"] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export interface ConsentWording {
  label: string;
  text: string;
}

type VersionTexts = Record<ConsentKind, { pl: ConsentWording; en: ConsentWording }>;

const DIGEST = {
  pl: {
    label: "Podsumowanie e-mailem",
    text: "Zgadzam się na e-mail z nowymi wpisami w moich grupach, codziennie albo raz w tygodniu (tylko gdy coś się pojawiło). „Nie wysyłaj” wycofuje zgodę.",
  },
  en: {
    label: "E-mail digest",
    text: "I agree to receive an e-mail with new posts in my groups, daily or weekly (only when there is something new). “Don't send” withdraws the consent.",
  },
};
const MENTION_EMAILS = {
  pl: {
    label: "E-mail, gdy ktoś mnie wspomni",
    text: "Wiadomość od razu, gdy ktoś wpisze @Twoje imię i nazwisko we wpisie.",
  },
  en: { label: "E-mail when someone mentions me", text: "A message at once when someone writes @your name in a post." },
};
const DIRECTORY_LISTING = {
  pl: {
    label: "Pokaż mnie w katalogu liderów",
    text: "Twoje imię i nazwisko, JST, stanowisko i obszary, na których się znasz, zobaczą wszyscy zalogowani członkowie forum, także spoza Twojej grupy, razem z Twoimi grupami i opublikowanymi dobrymi praktykami. Odznacz, aby od razu zniknąć z katalogu.",
  },
  en: {
    label: "Show me in the leaders' directory",
    text: "Your name, JST, position and areas of expertise will be seen by every signed-in member of the forum, also outside your group, together with your groups and published good practices. Untick to leave the directory at once.",
  },
};

export const CONSENT_TEXTS: Record<string, VersionTexts> = {
  /** The first wording (no newsletter yet: it was never offered, so never agreed to). */
  "2026-11-01": {
    digest: DIGEST,
    mentionEmails: MENTION_EMAILS,
    directoryListing: DIRECTORY_LISTING,
    newsletter: { pl: { label: "", text: "" }, en: { label: "", text: "" } },
  },
  "2026-11-23": {
    digest: DIGEST,
    mentionEmails: MENTION_EMAILS,
    directoryListing: DIRECTORY_LISTING,
    newsletter: {
      pl: {
        label: "Newsletter projektu",
        text: "Zgadzam się na otrzymywanie e-mailem newslettera projektu (zapowiedzi spotkań, nowe dobre praktyki i analizy), najwyżej raz w miesiącu.",
      },
      en: {
        label: "Project newsletter",
        text: "I agree to receive the project's newsletter by e-mail (upcoming meetings, new good practices and analyses), at most once a month.",
      },
    },
  },
};

/** The version the profile shows now; what a change made today is recorded against. */
export const CONSENT_TEXT_VERSION = "2026-11-23";

export function consentWording(
  kind: ConsentKind,
  language: "pl" | "en",
  version = CONSENT_TEXT_VERSION,
): ConsentWording {
  const texts = CONSENT_TEXTS[version] ?? CONSENT_TEXTS[CONSENT_TEXT_VERSION]!;
  return texts[kind][language];
}
