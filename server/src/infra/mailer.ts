import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe on notification mails. */
  headers?: Record<string, string>;
}

export interface Mailer {
  /** Where links in e-mails point, e.g. https://forum.example.pl (no trailing slash). */
  readonly baseUrl: string;
  /** An absolute link to a client path, e.g. link("/zaproszenie/abc"). */
  link(pathname: string): string;
  /** Sends one message and waits for the SMTP server (or the file) to take it. */
  sendMail(message: MailMessage): Promise<void>;
  /**
   * Sends without making the caller wait; a failure is logged, never thrown. For answers that must
   * not depend on whether mail went out (password reset, account requests).
   */
  sendInBackground(message: MailMessage): void;
}

export type MailerConfig = Pick<Config, "SMTP_URL" | "MAIL_FROM" | "PUBLIC_URL" | "PORT" | "DATA_DIR">;

/** The base URL of links: PUBLIC_URL, or the local server in development. */
export const mailBaseUrl = (config: Pick<Config, "PUBLIC_URL" | "PORT">): string =>
  config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;

/**
 * With SMTP_URL, mail goes to that server. Without it (development), each message is written as
 * an .eml file into DATA_DIR/mail/ and its path is logged, so nothing is sent by accident.
 */
export function createMailer(config: MailerConfig, options: { logger?: Logger; baseUrl?: string } = {}): Mailer {
  const baseUrl = (options.baseUrl ?? mailBaseUrl(config)).replace(/\/+$/, "");
  const logger = options.logger;
  const mailDir = path.join(config.DATA_DIR, "mail");
  const transport: Transporter = config.SMTP_URL
    ? nodemailer.createTransport(config.SMTP_URL)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

  async function sendMail(message: MailMessage): Promise<void> {
    const info = (await transport.sendMail({ from: config.MAIL_FROM, ...message })) as { message?: unknown };
    if (config.SMTP_URL) return;
    await mkdir(mailDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const file = path.join(mailDir, `${stamp}-${randomUUID().slice(0, 8)}.eml`);
    await writeFile(file, info.message as Buffer, { mode: 0o600 });
    if (logger) logger.info({ to: message.to, subject: message.subject, file }, "e-mail zapisany do pliku");
    else console.info(`E-mail do ${message.to} zapisany w ${file}`);
  }

  return {
    baseUrl,
    link: (pathname) => `${baseUrl}${pathname.startsWith("/") ? "" : "/"}${pathname}`,
    sendMail,
    sendInBackground(message) {
      sendMail(message).catch((error: unknown) => {
        if (logger) logger.error({ err: error, to: message.to, subject: message.subject }, "e-mail not sent");
        else console.error("e-mail not sent", message.to, error);
      });
    },
  };
}

let current: Mailer | null = null;

/** Called once at startup (forumServer.ts) with the parsed config. */
export function initMailer(config: MailerConfig, options: { logger?: Logger; baseUrl?: string } = {}): Mailer {
  current = createMailer(config, options);
  return current;
}

/** The mailer set at startup; commands send through it. */
export function mailer(): Mailer {
  if (!current) throw new Error("mailer not initialised: call initMailer(config) at startup");
  return current;
}
