import type { NotificationView } from "@forum/shared";

const REACTION_NAMES: Record<string, string> = {
  like: "„Lubię to”",
  thanks: "„Dziękuję”",
  idea: "„Dobry pomysł”",
  question: "„Mam pytanie”",
};

/** One line of plain Polish text about a notification, for e-mails. */
export function notificationLine(view: NotificationView): string {
  const who = view.actor?.name ?? "Ktoś";
  const where = `„${view.target.title}”`;
  switch (view.kind) {
    case "mention":
      return `${who} wspomniał(a) o Pani/Panu w wątku ${where}`;
    case "quote":
      return `${who} zacytował(a) Pani/Pana wpis w wątku ${where}`;
    case "reply":
      return `${who} odpowiedział(a) w wątku ${where}`;
    case "new_thread":
      return `${who} założył(a) nowy wątek ${where}`;
    case "reaction":
      return view.count > 1
        ? `${view.count} reakcje na Pani/Pana wpis w wątku ${where}`
        : `${who} zareagował(a) ${REACTION_NAMES[view.reaction ?? ""] ?? ""} na Pani/Pana wpis w wątku ${where}`;
    case "moderation":
      return `Moderator zmienił Pani/Pana wpis w wątku ${where}`;
    case "post_hidden":
      return `Moderacja ukryła Pani/Pana wpis w wątku ${where}: ${view.message ?? ""}`;
    case "flag_outcome":
      return `Pani/Pana zgłoszenie wpisu w wątku ${where} zostało rozpatrzone`;
    case "moderator_message":
      return `${who} (moderacja) pisze do Pani/Pana w sprawie wpisu w wątku ${where}: ${view.message ?? ""}`;
    case "practice_status":
      return `Pani/Pana dobra praktyka ${where}: ${view.message ?? ""}`;
    case "practice_review_request":
      return `${who} zgłosił(a) dobrą praktykę ${where} do recenzji`;
    case "followed_tag":
      return `Nowość z obserwowanym tagiem „${view.message ?? ""}”: ${where}`;
    case "analysis_comment":
      return `${who} skomentował(a) Pani/Pana analizę ${where}`;
  }
}
