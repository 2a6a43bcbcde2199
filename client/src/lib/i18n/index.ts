import { addMessages, init, locale } from "svelte-i18n";
import pl from "./pl.json";
import en from "./en.json";
import accountsPl from "./accounts.pl.json";
import accountsEn from "./accounts.en.json";
import spacesPl from "./spaces.pl.json";
import spacesEn from "./spaces.en.json";
import privacyPl from "./privacy.pl.json";
import privacyEn from "./privacy.en.json";
import auditPl from "./audit.pl.json";
import auditEn from "./audit.en.json";
import flagsPl from "./flags.pl.json";
import flagsEn from "./flags.en.json";
import peoplePl from "./people.pl.json";
import peopleEn from "./people.en.json";
import threadStatePl from "./threadState.pl.json";
import threadStateEn from "./threadState.en.json";
import threadRestructurePl from "./threadRestructure.pl.json";
import threadRestructureEn from "./threadRestructure.en.json";
import roomRecordPl from "./roomRecord.pl.json";
import roomRecordEn from "./roomRecord.en.json";
import meetingDaysPl from "./meetingDays.pl.json";
import meetingDaysEn from "./meetingDays.en.json";
import roomQaPl from "./roomQa.pl.json";
import roomQaEn from "./roomQa.en.json";
import meetingsPl from "./meetings.pl.json";
import meetingsEn from "./meetings.en.json";
import roomPl from "./room.pl.json";
import roomEn from "./room.en.json";
import searchPl from "./search.pl.json";
import searchEn from "./search.en.json";
import practicesPl from "./practices.pl.json";
import practicesEn from "./practices.en.json";
import analysesPl from "./analyses.pl.json";
import analysesEn from "./analyses.en.json";
import libraryPl from "./library.pl.json";
import libraryEn from "./library.en.json";
import tagsPl from "./tags.pl.json";
import tagsEn from "./tags.en.json";
import networkPl from "./network.pl.json";
import networkEn from "./network.en.json";
import operationsPl from "./operations.pl.json";
import operationsEn from "./operations.en.json";
import erasurePl from "./erasure.pl.json";
import erasureEn from "./erasure.en.json";
import programmePl from "./programme.pl.json";
import programmeEn from "./programme.en.json";
import signupPl from "./signup.pl.json";
import signupEn from "./signup.en.json";
import documentsPl from "./documents.pl.json";
import documentsEn from "./documents.en.json";

export const LOCALES = ["pl", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "pl";

const STORAGE_KEY = "forum.locale";

function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): AppLocale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (isAppLocale(value)) return value;
  } catch {
    // storage unavailable: use the default
  }
  return DEFAULT_LOCALE;
}

/** Registers both dictionaries (they are small) and picks the saved language, Polish by default. */
export function setUpI18n(): void {
  addMessages("pl", pl);
  addMessages("en", en);
  // Account screens' strings live in their own files; addMessages merges them into the same tree.
  addMessages("pl", accountsPl);
  addMessages("en", accountsEn);
  addMessages("pl", spacesPl);
  addMessages("en", spacesEn);
  addMessages("pl", auditPl);
  addMessages("en", auditEn);
  addMessages("pl", flagsPl);
  addMessages("en", flagsEn);
  addMessages("pl", peoplePl);
  addMessages("en", peopleEn);
  addMessages("pl", threadStatePl);
  addMessages("en", threadStateEn);
  addMessages("pl", threadRestructurePl);
  addMessages("en", threadRestructureEn);
  addMessages("pl", roomRecordPl);
  addMessages("en", roomRecordEn);
  addMessages("pl", meetingDaysPl);
  addMessages("en", meetingDaysEn);
  addMessages("pl", roomQaPl);
  addMessages("en", roomQaEn);
  addMessages("pl", meetingsPl);
  addMessages("en", meetingsEn);
  addMessages("pl", roomPl);
  addMessages("en", roomEn);
  addMessages("pl", searchPl);
  addMessages("en", searchEn);
  addMessages("pl", practicesPl);
  addMessages("en", practicesEn);
  addMessages("pl", analysesPl);
  addMessages("en", analysesEn);
  addMessages("pl", libraryPl);
  addMessages("en", libraryEn);
  addMessages("pl", tagsPl);
  addMessages("en", tagsEn);
  addMessages("pl", networkPl);
  addMessages("en", networkEn);
  addMessages("pl", operationsPl);
  addMessages("en", operationsEn);
  addMessages("pl", erasurePl);
  addMessages("en", erasureEn);
  addMessages("pl", programmePl);
  addMessages("en", programmeEn);
  addMessages("pl", signupPl);
  addMessages("en", signupEn);
  addMessages("pl", documentsPl);
  addMessages("en", documentsEn);
  addMessages("pl", privacyPl);
  addMessages("en", privacyEn);
  const initial = storedLocale();
  init({ fallbackLocale: DEFAULT_LOCALE, initialLocale: initial });
  document.documentElement.lang = initial;
  locale.subscribe((value) => {
    if (isAppLocale(value)) document.documentElement.lang = value;
  });
}

/** Switches the language, remembers it and updates `<html lang>`. */
export function setLocale(value: AppLocale): void {
  try {
    localStorage.setItem(STORAGE_KEY, value);
  } catch {
    // not remembered, still switched
  }
  locale.set(value);
}
