import { AsyncLocalStorage } from "node:async_hooks";
import { format, stripVTControlCharacters } from "node:util";
import pino, { type DestinationStream, type Logger } from "pino";
import { ZEnv } from "../env";
import { errorFields } from "./error-fields";
import { prettyStream } from "./pretty";

// The process's one logger: one JSON object per line on stdout (or one readable line with
// LOG_FORMAT=pretty), with the request and account it concerns. server.ts and Next.js's route
// bundles are separate module graphs in one process: the logger and the request context live on
// globalThis, so both write through the same stream with the same context.
//
// Only explicit fields are logged — never a request, a body, headers or a message — and keys
// that could hold a secret or a customer's words are censored should one slip in anyway.

/** What a line says about the request it belongs to; set per request (lib/log/request-log.ts). */
export interface TLogContext {
  reqId?: string;
  /** The Instagram account concerned, once known (a webhook's account, a send's account). */
  accountId?: string;
  /** The signed-in user, once known. */
  userId?: string;
  /** The API token a /api/v1 request came with (its id, never the token). */
  apiTokenId?: string;
}

const REDACTED_KEYS = [
  "password",
  "token",
  "productToken",
  "secret",
  "webhookSecret",
  "cookie",
  "authorization",
  "headers",
  "text",
  "body",
  "payload",
];
const REDACT = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]);

interface TLogState {
  logger: Logger;
  context: AsyncLocalStorage<TLogContext>;
}

const KEY = Symbol.for("ig-inbox.log");
type TGlobal = typeof globalThis & { [KEY]?: TLogState };

export interface TLogOptions {
  level?: string;
  format?: "json" | "pretty";
  /** Where lines go (tests); stdout by default. */
  destination?: DestinationStream;
}

/** Lines are written in LOG_FORMAT; unset, JSON in production and readable lines elsewhere. */
function optionsFromEnv(env: Record<string, string | undefined>): Required<Omit<TLogOptions, "destination">> {
  // An invalid LOG_LEVEL stops the start (lib/env.ts); its error line is written at the default.
  const level = ZEnv.shape.LOG_LEVEL.safeParse(env.LOG_LEVEL || undefined);
  const fmt = ZEnv.shape.LOG_FORMAT.safeParse(env.LOG_FORMAT || undefined);
  return {
    level: level.success ? level.data : "info",
    format: (fmt.success ? fmt.data : undefined) ?? (env.NODE_ENV === "production" ? "json" : "pretty"),
  };
}

/** Builds a logger (the process's one is `log()`; tests build their own onto a buffer). */
export function createLogger(options: TLogOptions, context: AsyncLocalStorage<TLogContext>): Logger {
  const fromEnv = optionsFromEnv(process.env);
  const fmt = options.format ?? fromEnv.format;
  const destination = options.destination ?? (fmt === "pretty" ? prettyStream(process.stdout) : jsonStdout());
  return pino(
    {
      level: options.level ?? fromEnv.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: errorFields },
      redact: { paths: REDACT, censor: "[redacted]" },
      mixin: () => ({ ...context.getStore() }),
    },
    destination,
  );
}

function jsonStdout(): DestinationStream {
  // Asynchronous writes keep logging off the request path; what is buffered is flushed when
  // the process exits (process.exit runs "exit" listeners synchronously).
  const stream = pino.destination({ dest: 1, sync: false });
  process.on("exit", () => {
    try {
      stream.flushSync();
    } catch {
      // stdout already closed: nothing more can be written anyway.
    }
  });
  return stream;
}

function state(): TLogState {
  const g = globalThis as TGlobal;
  if (!g[KEY]) {
    const context = new AsyncLocalStorage<TLogContext>();
    g[KEY] = { context, logger: createLogger({}, context) };
  }
  return g[KEY];
}

/** The process's logger. */
export function log(): Logger {
  return state().logger;
}

/** Runs `fn` with `context` attached to every line logged inside it, however deep. */
export function withLogContext<T>(context: TLogContext, fn: () => T): T {
  return state().context.run(context, fn);
}

/** Adds what became known (the account, the user) to the current request's lines. */
export function addLogContext(fields: TLogContext): void {
  const store = state().context.getStore();
  if (store) Object.assign(store, fields);
}

/** The current request's context (its id), if any. */
export function currentLogContext(): TLogContext | undefined {
  return state().context.getStore();
}

/**
 * Sends what libraries write with console.* (Next.js, better-auth) through the logger, so
 * every line of the server's output is one JSON object in production.
 */
export function routeConsoleToLog(): void {
  const logger = log();
  const to =
    (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      // An error is logged as its fields (errorFields), never as its whole message.
      const err = args.find((arg) => arg instanceof Error);
      const rest = args.filter((arg) => arg !== err);
      logger[level]({ source: "console", ...(err ? { err } : {}) }, stripVTControlCharacters(format(...rest)));
    };
  console.debug = to("debug");
  console.log = to("info");
  console.info = to("info");
  console.warn = to("warn");
  console.error = to("error");
  // Node's own warnings (deprecations) too, instead of its plain-text line on stderr.
  process.removeAllListeners("warning");
  process.on("warning", (warning) => logger.warn({ source: "node", err: warning }, warning.message));
}
