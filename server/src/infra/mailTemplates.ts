import type { MailMessage } from "./mailer.js";
import type { NotificationView } from "@forum/shared";

/**
 * The forum's e-mails, in Polish: plain, polite, one purpose each. Every template returns a
 * complete message; links are absolute and built by the caller from the mailer's base URL.
 */

const SIGNATURE = "\n\n—\nForum Współpracy JST\nZwiązek Miast Polskich";

const hours = (count: number) => {
  if (count % 24 === 0) {
    const days = count / 24;
    return days === 1 ? "1 dzień" : `${days} dni`;
  }
  return count === 1 ? "1 godzinę" : `${count} godz.`;
};

const message = (to: string, subject: string, lines: string[]): MailMessage => ({
  to,
  subject,
  text: lines.join("\n") + SIGNATURE,
});

/** A subject is one header line: whatever a name holds (a line break, tabs), it stays one line. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

export const mailTemplates = {
  registrationReminder(props: {
    to: string;
    name: string;
    groupName: string;
    meetingNumber: number;
    meetingTitle: string;
    when: string;
    closesAt: string | null;
    link: string;
  }) {
    return message(props.to, oneLine(`Zapisy na spotkanie nr ${props.meetingNumber} grupy ${props.groupName}`), [
      `Dzień dobry, ${props.name},`,
      "",
      `prosimy o informację, czy weźmie Pani/Pan udział w spotkaniu nr ${props.meetingNumber} „${props.meetingTitle}” grupy „${props.groupName}” (${props.when}): na miejscu, online czy nie będzie Pani/Pana — osobno dla każdego z dwóch dni.`,
      ...(props.closesAt ? ["", `Zapisy są otwarte do ${props.closesAt}.`] : []),
      "",
      "Odpowiedź zajmie chwilę na stronie spotkania:",
      props.link,
    ]);
  },

  invitation(props: { to: string; groupName: string; inviterName: string; link: string; validHours: number }) {
    return message(props.to, `Zaproszenie do grupy ${props.groupName} w Forum Współpracy JST`, [
      "Dzień dobry,",
      "",
      `${props.inviterName} zaprasza Panią/Pana do grupy „${props.groupName}” w Forum Współpracy JST — miejscu, w którym samorządy prowadzące szkoły wymieniają się doświadczeniami.`,
      "",
      "Aby przyjąć zaproszenie i założyć konto, proszę otworzyć link:",
      props.link,
      "",
      `Link jest ważny przez ${hours(props.validHours)} i można go użyć jeden raz. Jeśli wygaśnie, wystarczy poprosić moderatora grupy o nowy.`,
      "Jeśli ta wiadomość trafiła do Pani/Pana przez pomyłkę, można ją zignorować.",
    ]);
  },

  addedToGroup(props: { to: string; name: string; groupName: string; inviterName: string; link: string }) {
    return message(props.to, `Dodano Panią/Pana do grupy ${props.groupName}`, [
      `Dzień dobry, ${props.name},`,
      "",
      `${props.inviterName} dodał(a) Panią/Pana do grupy „${props.groupName}” w Forum Współpracy JST. Grupa jest już widoczna po zalogowaniu:`,
      props.link,
    ]);
  },

  accountRequestReceived(props: { to: string; name: string }) {
    return message(props.to, "Otrzymaliśmy prośbę o konto w Forum Współpracy JST", [
      `Dzień dobry, ${props.name},`,
      "",
      "dziękujemy za prośbę o konto w Forum Współpracy JST. Trafiła do moderatorów Związku Miast Polskich, którzy sprawdzą ją zwykle w ciągu kilku dni roboczych.",
      "O decyzji poinformujemy w osobnej wiadomości na ten adres.",
      "",
      "Jeśli to nie Pani/Pan wysłał(a) prośbę, prosimy zignorować tę wiadomość.",
    ]);
  },

  accountAlreadyExists(props: { to: string; name: string; resetLink: string; loginLink: string }) {
    return message(props.to, "Ma już Pani/Pan konto w Forum Współpracy JST", [
      `Dzień dobry, ${props.name},`,
      "",
      "otrzymaliśmy prośbę o konto dla tego adresu e-mail, ale konto z tym adresem już istnieje. Można się zalogować:",
      props.loginLink,
      "",
      "Jeśli nie pamięta Pani/Pan hasła, nowe można ustawić tutaj:",
      props.resetLink,
      "",
      "Jeśli to nie Pani/Pan wysłał(a) prośbę, prosimy zignorować tę wiadomość — konto pozostaje bez zmian.",
    ]);
  },

  accountRequestAlreadyWaiting(props: { to: string; name: string }) {
    return message(props.to, "Prośba o konto w Forum Współpracy JST", [
      `Dzień dobry, ${props.name},`,
      "",
      "otrzymaliśmy kolejną prośbę o konto dla tego adresu e-mail. Wcześniejsza prośba z tym adresem jest już u moderatorów albo została przez nich rozpatrzona; odpowiedź przychodzi na ten adres.",
      "W razie pytań prosimy o kontakt z moderatorami Związku Miast Polskich.",
    ]);
  },

  accountApproved(props: { to: string; name: string; loginLink: string }) {
    return message(props.to, "Konto w Forum Współpracy JST jest aktywne", [
      `Dzień dobry, ${props.name},`,
      "",
      "moderatorzy zatwierdzili Pani/Pana konto w Forum Współpracy JST. Można się już zalogować adresem e-mail i hasłem podanym przy zgłoszeniu:",
      props.loginLink,
      "",
      "Do zobaczenia na forum!",
    ]);
  },

  accountRejected(props: { to: string; name: string; moderatorMessage: string }) {
    return message(props.to, "Prośba o konto w Forum Współpracy JST", [
      `Dzień dobry, ${props.name},`,
      "",
      "dziękujemy za zainteresowanie Forum Współpracy JST. Niestety, tym razem nie możemy założyć konta. Wiadomość od moderatora:",
      "",
      ...props.moderatorMessage.split("\n").map((line) => `> ${line}`),
      "",
      "Jeśli sytuacja się zmieni albo ma Pani/Pan pytania, prosimy o kontakt z moderatorami Związku Miast Polskich.",
    ]);
  },

  passwordReset(props: { to: string; name: string; link: string; validMinutes: number }) {
    return message(props.to, "Ustawienie nowego hasła w Forum Współpracy JST", [
      `Dzień dobry, ${props.name},`,
      "",
      "otrzymaliśmy prośbę o ustawienie nowego hasła do konta w Forum Współpracy JST. Nowe hasło można ustawić tutaj:",
      props.link,
      "",
      `Link jest ważny przez ${props.validMinutes} min i można go użyć jeden raz. Po zmianie hasła wszystkie dotychczasowe sesje zostaną wylogowane.`,
      "Jeśli to nie Pani/Pan prosił(a) o zmianę, wystarczy zignorować tę wiadomość — hasło pozostaje bez zmian.",
    ]);
  },

  mention(props: {
    to: string;
    name: string;
    actorName: string;
    threadTitle: string;
    link: string;
    unsubscribe: UnsubscribeLinks;
  }) {
    return withUnsubscribe(
      message(props.to, `${props.actorName} wspomina o Pani/Panu: ${props.threadTitle}`, [
        `Dzień dobry, ${props.name},`,
        "",
        `${props.actorName} wspomniał(a) o Pani/Panu w wątku „${props.threadTitle}” w Forum Współpracy JST:`,
        props.link,
        "",
        "Te wiadomości przychodzą, bo w profilu jest włączona zgoda na e-maile o wzmiankach. Aby przestać je dostawać jednym kliknięciem:",
        props.unsubscribe.page,
      ]),
      props.unsubscribe,
    );
  },

  digest(props: {
    to: string;
    name: string;
    frequency: "daily" | "weekly";
    items: { line: string; link: string }[];
    allLink: string;
    unsubscribe: UnsubscribeLinks;
  }) {
    const period = props.frequency === "daily" ? "dzienne" : "tygodniowe";
    return withUnsubscribe(
      message(props.to, `Podsumowanie ${period}: ${props.items.length} nowych powiadomień w Forum Współpracy JST`, [
        `Dzień dobry, ${props.name},`,
        "",
        "oto co wydarzyło się w Forum Współpracy JST od ostatniego podsumowania:",
        "",
        ...props.items.flatMap((item) => [`• ${item.line}`, `  ${item.link}`]),
        "",
        "Wszystkie powiadomienia:",
        props.allLink,
        "",
        `To podsumowanie ${period} przychodzi zgodnie z wyborem w profilu. Aby wyłączyć je jednym kliknięciem:`,
        props.unsubscribe.page,
      ]),
      props.unsubscribe,
    );
  },
};

/** Where a mail's unsubscribe link points: the page people click, and the one-click POST for mail programs. */
export interface UnsubscribeLinks {
  page: string;
  oneClick: string;
}

/** RFC 8058 one-click unsubscribe: mail programs show their own button and POST to oneClick. */
const withUnsubscribe = (mail: MailMessage, links: UnsubscribeLinks): MailMessage => ({
  ...mail,
  headers: { "List-Unsubscribe": `<${links.oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
});

/** Client paths the links open (SvelteKit routes). */
export const mailLinks = {
  login: "/logowanie",
  passwordResetRequest: "/haslo/reset",
  invitation: (token: string) => `/zaproszenie/${token}`,
  passwordReset: (token: string) => `/haslo/nowe/${token}`,
  group: (slug: string) => `/grupy/${slug}`,
  meeting: (id: string) => `/spotkania/${id}`,
  post: (threadId: string, postId: string | null) => `/watki/${threadId}${postId ? `#wpis-${postId}` : ""}`,
  notifications: "/powiadomienia",
  notificationTarget: (target: NotificationView["target"], postId: string | null) =>
    target.kind === "practice"
      ? `/praktyki/${target.id}`
      : target.kind === "analysis"
        ? `/analizy/${target.id}`
        : `/watki/${target.id}${postId ? `#wpis-${postId}` : ""}`,
  unsubscribePage: (token: string) => `/wypisz/${token}`,
  unsubscribeOneClick: (token: string) => `/api/unsubscribe/${token}`,
};
