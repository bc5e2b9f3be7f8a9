import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { TDatabase } from "../db/client";
import type { TEnv } from "../env";
import { createEdge, edgeServerOptions } from "../http/edge";
import { observeRequests } from "../log/request-log";
import { createMetricsHttpHandler } from "../metrics/metrics-http";
import { connectedBrowsers } from "../realtime/server/presence";
import { getRuntime } from "../runtime";
import { createMediaHttpHandler } from "../server/uploads/media-http";

/** Answers a request and returns true, or returns false: it is someone else's. */
type TPlainHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * What the plain Node.js server answers before Next.js: uploaded media (refused while
 * stopping) and /metrics (METRICS_TOKEN turns metrics on here).
 */
export function createPlainHandlers({
  db,
  config,
  stopping,
}: {
  db: TDatabase;
  config: TEnv;
  stopping: () => boolean;
}): TPlainHandler {
  const handleMedia = createMediaHttpHandler(() =>
    stopping() ? undefined : { sql: db.sql, graceDays: config.UPLOAD_RETENTION_DAYS },
  );
  const handleMetrics = createMetricsHttpHandler(config.METRICS_TOKEN, {
    sql: db.sql,
    pools: { app: db.pool, events: db.eventsPool },
    browsers: () => connectedBrowsers(getRuntime()?.io),
  });
  return (req, res) => handleMedia(req, res) || handleMetrics(req, res);
}

/**
 * The HTTP server (not listening yet). Every request passes the edge first: its body is bounded
 * and counted before anyone reads it, cross-origin writes are refused, the client's address
 * settled (lib/http/edge.ts); then the plain handlers, then Next.js.
 */
export function createHttpServer({
  config,
  appUrl,
  appOrigins,
  stopping,
  handlePlain,
  handleNext,
}: {
  config: TEnv;
  appUrl: string;
  appOrigins: string[];
  stopping: () => boolean;
  handlePlain: TPlainHandler;
  handleNext: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}): Server {
  const edge = createEdge({
    appUrl,
    appOrigins,
    trustProxy: config.TRUST_PROXY,
    trustedHops: config.TRUSTED_PROXY_HOPS,
  });
  return createServer(
    edgeServerOptions({ requestTimeoutMs: config.REQUEST_TIMEOUT_MS }),
    observeRequests((req, res) => {
      // Stopping: each connection closes after its answer, so when the port closes no proxy holds
      // one it might be sending on at that moment (that request would be cut: a 502).
      if (stopping()) res.setHeader("connection", "close");
      if (edge(req, res)) return;
      if (handlePlain(req, res)) return;
      void handleNext(req, res);
    }),
  );
}
