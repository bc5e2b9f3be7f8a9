// Errors that mean "the database cannot be reached or is overloaded right now", as opposed
// to a bug or bad data. They are answered 503 with Retry-After (CM and browsers come back),
// never 500, and logged as one line rather than a stack trace per request.

/** Prisma's codes: not reachable, connection closed, pool or transaction start timed out, timeout. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const DRIVER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGES =
  /ECONNREFUSED|ECONNRESET|Connection terminated|timeout exceeded when trying to connect|Can't reach database|Unable to start a transaction|the database system is (starting up|shutting down)|terminating connection/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, kind, message, cause, meta } = e as {
      code?: unknown;
      kind?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (typeof code === "string" && PRISMA_CODES.has(code)) return true;
    if (typeof kind === "string" && DRIVER_KINDS.has(kind)) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    e = meta?.driverAdapterError ?? cause;
  }
  return false;
}
