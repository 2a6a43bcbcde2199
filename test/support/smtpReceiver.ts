import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One message the receiver took, parsed. */
export interface ReceivedMail {
  /** Envelope recipients, lower-case. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string | null;
  /** Header lines by lower-case name (e.g. "list-unsubscribe"), as sent. */
  headers: Record<string, string>;
  receivedAt: Date;
}

export interface SmtpReceiver {
  port: number;
  /** For the forum's SMTP_URL. */
  url: string;
  /** Every message so far, in arrival order. */
  messages: ReceivedMail[];
  /**
   * The next message to `to` not returned before (each message is returned once), waiting up
   * to timeoutMs for it to arrive.
   */
  waitForMail(to: string, timeoutMs?: number): Promise<ReceivedMail>;
  /** All messages to `to` so far. */
  mailsTo(to: string): ReceivedMail[];
  stop(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 and a random port, without auth or TLS, that keeps what it gets. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const messages: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const waiters: (() => void)[] = [];

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
            headers: Object.fromEntries(
              parsed.headerLines.map((header) => [header.key, header.line.slice(header.line.indexOf(":") + 1).trim()]),
            ),
            receivedAt: new Date(),
          });
          for (const wake of waiters.splice(0)) wake();
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  const mailsTo = (to: string) => messages.filter((mail) => mail.to.includes(to.toLowerCase()));

  async function waitForMail(to: string, timeoutMs = 5_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const next = mailsTo(to).find((mail) => !taken.has(mail));
      if (next) {
        taken.add(next);
        return next;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        const seen = messages.map((mail) => `${mail.to.join(",")}: ${mail.subject}`).join("\n  ");
        throw new Error(`no e-mail to ${to} within ${timeoutMs} ms; received:\n  ${seen || "(nothing)"}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitForMail,
    mailsTo,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token at the end of a link in a mail's text, e.g. linkToken(mail, "http://forum.test/zaproszenie/"). */
export function linkToken(mail: ReceivedMail, linkPrefix: string): string {
  const escaped = linkPrefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}([\\w-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no link starting ${linkPrefix} in:\n${mail.text}`);
  return match[1];
}
