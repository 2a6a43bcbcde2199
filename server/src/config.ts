import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The repository root: data, uploads and the built client are found relative to it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "dozwolone: true/false, 1/0, yes/no" })
  .transform((value) => value === "true" || value === "1" || value === "yes");

/** A path in the environment, relative ones taken from the repository root. */
const pathSetting = (fallback: string) =>
  z
    .string()
    .min(1)
    .default(fallback)
    .transform((value) => path.resolve(REPO_ROOT, value));

const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce
    .number({ message: "musi być liczbą" })
    .int()
    .min(0)
    .max(65535, { message: "dozwolone: 0–65535" })
    .default(3000),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, { message: "musi zaczynać się od mongodb:// lub mongodb+srv://" })
    .optional(),
  MONGODB_MAX_POOL_SIZE: z.coerce
    .number({ message: "musi być liczbą" })
    .int()
    .min(1, { message: "dozwolone: 1–500" })
    .max(500, { message: "dozwolone: 1–500" })
    .optional(),
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,38}$/, { message: "dozwolone: litery, cyfry, _ i -, do 38 znaków" })
    .default("forum_jst"),
  DATA_DIR: pathSetting("data"),
  FORUM_SKIP_EMBEDDED_MONGODB: booleanFlag.default(false),
  SESSION_SECRET: z.string().min(32, { message: "musi mieć co najmniej 32 znaki" }).optional(),
  TRUST_PROXY: booleanFlag.default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SEED_DEMO: z.enum(["auto", "always", "never"], { message: "dozwolone: auto, always, never" }).default("auto"),
  TERYT_CSV: pathSetting("server/reference/teryt-terc-2024-01-01.csv"),
  VOIVODESHIPS_GEOJSON: pathSetting("server/reference/wojewodztwa.geojson"),
  CLIENT_BUILD_DIR: pathSetting("client/build"),
  PUBLIC_URL: z
    .url({ message: "musi być pełnym adresem URL, np. https://forum.example.pl" })
    .transform((value) => value.replace(/\/+$/, ""))
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { message: "musi zaczynać się od smtp:// lub smtps://" })
    .optional(),
  MAIL_FROM: z.string().min(3).default("Forum Współpracy JST <forum@localhost>"),
  /** Several server processes share Socket.IO rooms through this Redis; unset = one process. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { message: "musi zaczynać się od redis:// lub rediss://" })
    .optional(),
  /** A member's first N posts wait for a moderator's approval; 0 turns the queue off. */
  NEW_MEMBER_APPROVAL_POSTS: z.coerce
    .number({ message: "musi być liczbą" })
    .int()
    .min(0, { message: "dozwolone: 0–100" })
    .max(100, { message: "dozwolone: 0–100" })
    .default(2),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(24 * 7),
  PASSWORD_RESET_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  /** How often the server looks for daily/weekly digests that are due. */
  DIGEST_CHECK_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(24 * 60 * 60 * 1000)
    .default(5 * 60 * 1000),
  /** How often expired sessions are removed from the database (FerretDB has no TTL indexes). */
  SESSION_SWEEP_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(24 * 60 * 60 * 1000)
    .default(10 * 60 * 1000),
  /** Moves the digest scheduler's clock forward (tests simulate days passing); 0 in real use. */
  DIGEST_CLOCK_OFFSET_MS: z.coerce.number().int().min(0).default(0),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Largest attachment accepted (bytes). */
  UPLOAD_MAX_BYTES: z.coerce
    .number({ message: "musi być liczbą" })
    .int()
    .min(1024, { message: "dozwolone: 1024–1073741824" })
    .max(1024 * 1024 * 1024, { message: "dozwolone: 1024–1073741824" })
    .default(20 * 1024 * 1024),
  /** How many people's pending flags hide a post until a moderator reviews it. */
  FLAGS_TO_HIDE: z.coerce
    .number({ message: "musi być liczbą" })
    .int()
    .min(1, { message: "dozwolone: 1–100" })
    .max(100, { message: "dozwolone: 1–100" })
    .default(3),
  /** Bearer token Prometheus sends to GET /metrics; unset = the endpoint is off (404). */
  METRICS_TOKEN: z.string().min(16, { message: "musi mieć co najmniej 16 znaków" }).optional(),
  /** Days an IP address is kept in the audit log and sessions before the hourly job removes it. */
  IP_RETENTION_DAYS: z.coerce
    .number({ message: "musi być liczbą" })
    .int({ message: "musi być liczbą całkowitą" })
    .min(1, { message: "dozwolone: 1–3650" })
    .max(3650, { message: "dozwolone: 1–3650" })
    .default(90),
  /** Where attachments are stored; unset = DATA_DIR/uploads (never inside the web root). */
  UPLOAD_DIR: z
    .string()
    .min(1)
    .transform((value) => path.resolve(REPO_ROOT, value))
    .optional(),
});

export type Config = z.infer<typeof configSchema>;

/** Every variable the server reads; `.env.example` documents each one (a test checks). */
export const CONFIG_VARIABLES = Object.keys(configSchema.shape);

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Nieprawidłowa konfiguracja:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment once; nothing else in the server reads process.env. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = configSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map(
        (issue) =>
          `${issue.path.join(".")}: ${issue.message} (podano: ${JSON.stringify(present[String(issue.path[0])])})`,
      ),
    );
  }
  return result.data;
}
