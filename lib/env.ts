import { z } from "zod";
import { API_RATE_LIMIT_DEFAULT } from "./api-tokens/schemas";

// One validated view of the process environment. Everything the server reads from
// `process.env` goes through here, so a wrong value stops the start with a clear line.

const ZPort = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be between 1 and 65535")
  .max(65535, "must be between 1 and 65535");

const ZBool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: ZPort.default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1, "must not be empty").default("./data"),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), {
      message: "must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)",
    })
    .optional(),
  /**
   * socket.io's events cross instances through this Redis (a stream) instead of PostgreSQL's
   * NOTIFY. Unset: PostgreSQL, as with one instance.
   */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL (leave it unset to use PostgreSQL)" })
    .optional(),
  /** The Redis stream this deployment's instances share (two deployments on one Redis: two names). */
  REDIS_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9:._-]{1,100}$/, "must be 1-100 letters, digits, or : . _ -")
    .default("ig-inbox"),
  APP_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -hex 32)").optional(),
  DEMO_MODE: ZBool.default(false),
  APP_URL: z
    .url({ protocol: /^https?$/, error: "must be the http(s) URL users open, e.g. https://inbox.example.com" })
    .optional(),
  /**
   * The address CM reaches this app at: webhook URLs and uploaded images' URLs start with it.
   * Defaults to APP_URL (an app behind a VPN may open on one address and be public on another).
   */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be the public http(s) URL CM can reach, e.g. https://inbox.example.com" })
    .optional(),
  /** An uploaded image no message and no saved reply uses is deleted this many days after upload (a draft never sent). */
  UPLOAD_RETENTION_DAYS: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number of days")
    .min(1, "must be at least 1 day")
    .max(3650, "must be at most 3650 days")
    .default(30),
  /** Megabytes one user may upload in any rolling hour (429 with Retry-After beyond). */
  UPLOAD_HOURLY_MB_PER_USER: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number of megabytes")
    .min(8, "must be at least 8 (one image of Instagram's largest size)")
    .max(1_000_000)
    .default(200),
  /** Megabytes all kept uploads may take together (507 beyond, until retention frees room). */
  UPLOAD_TOTAL_MB: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number of megabytes")
    .min(8, "must be at least 8 (one image of Instagram's largest size)")
    .max(10_000_000)
    .default(2048),
  TRUST_PROXY: ZBool.default(false),
  /** How many proxies of our own stand in front (each appends to X-Forwarded-For); with TRUST_PROXY. */
  TRUSTED_PROXY_HOPS: z.coerce.number({ error: "must be a number" }).int().min(1).max(10).default(1),
  /** A request's headers and body must have arrived within this (slow or stalled clients get 408). */
  REQUEST_TIMEOUT_MS: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number of milliseconds")
    .min(1000, "must be at least 1000")
    .max(3_600_000, "must be at most 3600000")
    .default(120_000),
  /**
   * A graceful stop (SIGTERM) ends within this, or the process exits anyway (code 1): requests
   * in flight, the intake round and the sends at CM have this long to finish.
   */
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number of milliseconds")
    .min(1000, "must be at least 1000")
    .max(600_000, "must be at most 600000")
    .default(30_000),
  /**
   * On SIGTERM the instance first turns unready (/api/ready 503, webhooks 503) and keeps serving
   * this long before it closes its port, so the proxy's health check takes it out of rotation
   * first. Behind a proxy, at least the check's interval; 0 with no proxy.
   */
  SHUTDOWN_DRAIN_MS: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number of milliseconds")
    .min(0, "must be at least 0")
    .max(120_000, "must be at most 120000")
    .default(0),
  ADMIN_EMAIL: z.email("must be an email address").optional(),
  ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").max(128).optional(),
  CM_SIMULATOR_URL: z.url({ protocol: /^https?$/, error: "must be the simulator's http(s) URL" }).optional(),
  /** Requests per API token per minute, on all instances together (lib/http/api-route.ts). */
  API_RATE_LIMIT: z.coerce
    .number({ error: "must be a number" })
    .int()
    .min(1)
    .max(1_000_000)
    .default(API_RATE_LIMIT_DEFAULT),
  WEBHOOK_MAX_IN_FLIGHT: z.coerce.number({ error: "must be a number" }).int().min(1).max(100_000).default(256),
  INTAKE_CONCURRENCY: z.coerce.number({ error: "must be a number" }).int().min(1).max(16).default(3),
  /** How often the SLA worker keeps due times, warnings and breaches (lib/pipeline/sla). */
  SLA_INTERVAL_MS: z.coerce.number({ error: "must be a number" }).int().min(500).max(300_000).default(15_000),
  SIGN_IN_RATE_LIMIT: z.coerce.number({ error: "must be a number" }).int().min(1).max(10_000).default(10),
  /**
   * Failed sign-ins allowed per account in 15 minutes, from all addresses together: above
   * what a person mistyping reaches, far below what guessing needs; a success starts it over.
   */
  SIGN_IN_ACCOUNT_RATE_LIMIT: z.coerce.number({ error: "must be a number" }).int().min(1).max(10_000).default(20),
  CM_API_BASE_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. https://gw.messaging.cm.com" })
    .default("https://gw.messaging.cm.com"),
  /**
   * Lets an admin point an account at a gateway on a loopback, private or link-local address
   * (a simulator, a test double). Off by default: that URL receives the account's product token.
   */
  ALLOW_PRIVATE_CM_GATEWAY: ZBool.default(false),
  /**
   * Lets outgoing webhook endpoints be http:// URLs and loopback, private or link-local
   * addresses (a receiver on this machine, in development and tests). Off by default: webhooks
   * go over https to public addresses only.
   */
  WEBHOOKS_ALLOW_LOCAL: ZBool.default(false),
  /** Least severe log lines written (lib/log): `silent` writes none. */
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  /** `json`: one JSON object per line (production); `pretty`: one readable line (development, the demo). */
  LOG_FORMAT: z.enum(["json", "pretty"], { error: "must be json or pretty" }).optional(),
  /**
   * Turns on /metrics (Prometheus): scrapers send `Authorization: Bearer <METRICS_TOKEN>`.
   * Unset, /metrics answers 404 and no metric is kept.
   */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters (try: openssl rand -hex 16)").optional(),
});

export type TEnv = z.infer<typeof ZEnv>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join("; ")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment; throws EnvError with one line per wrong or missing variable. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  // Treat empty strings as unset: `DATABASE_URL= npm start` means "no database URL".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = ZEnv.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => {
        const name = issue.path.join(".") || "environment";
        return `${name} ${issue.message}`;
      }),
    );
  }
  const env = result.data;
  if (env.NODE_ENV === "production" && !env.APP_SECRET && !env.DEMO_MODE) {
    throw new EnvError(["APP_SECRET is required in production (at least 32 characters; try: openssl rand -hex 32)"]);
  }
  if (env.REDIS_URL && !env.DATABASE_URL) {
    throw new EnvError([
      "REDIS_URL needs DATABASE_URL: the embedded database serves one instance, with nothing to share",
    ]);
  }
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    throw new EnvError([
      `${env.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL"} must be set together with ${env.ADMIN_EMAIL ? "ADMIN_EMAIL" : "ADMIN_PASSWORD"}`,
    ]);
  }
  return env;
}

/** The URL users open; defaults to this machine's port. */
export function appUrl(env: Pick<TEnv, "APP_URL" | "PORT">): string {
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}

/** The URL CM reaches this app at: PUBLIC_URL, else the app's own URL. */
export function publicUrl(env: Pick<TEnv, "PUBLIC_URL" | "APP_URL" | "PORT">): string {
  return env.PUBLIC_URL === undefined ? appUrl(env) : env.PUBLIC_URL.replace(/\/$/, "");
}

const MB = 1024 * 1024;

/** The upload quota in bytes, as the upload route applies it. */
export function uploadQuota(env: Pick<TEnv, "UPLOAD_HOURLY_MB_PER_USER" | "UPLOAD_TOTAL_MB">) {
  return { hourlyBytesPerUser: env.UPLOAD_HOURLY_MB_PER_USER * MB, totalBytes: env.UPLOAD_TOTAL_MB * MB };
}

let cached: TEnv | undefined;

/** The validated environment of this process (parsed once). */
export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
