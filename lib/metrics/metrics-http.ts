import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { enableMetrics, type TMetricSources } from "./metrics";

// GET /metrics, answered by the plain Node.js server before Next.js (like /media): a scrape
// must not depend on Next's proxy (sessions, redirects, page headers) nor count as an app
// request, and the registry lives in this process anyway. Off unless METRICS_TOKEN is set: then
// 404, as if there were no such page; with it, a scraper sends `Authorization: Bearer <token>`.

const PATH = /^\/metrics\/?(?:\?.*)?$/;

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Returns a handler that answers /metrics and returns false for every other request. */
export function createMetricsHttpHandler(token: string | undefined, sources: TMetricSources) {
  const registry = token ? enableMetrics(sources) : undefined;
  const expected = token ? digest(`Bearer ${token}`) : undefined;

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (!PATH.test(req.url ?? "")) return false;
    if (!registry || !expected) {
      plain(res, 404, "Not found.");
    } else if (!timingSafeEqual(digest(req.headers.authorization ?? ""), expected)) {
      plain(res, 401, "Send Authorization: Bearer <METRICS_TOKEN>.", { "www-authenticate": 'Bearer realm="metrics"' });
    } else if (req.method !== "GET" && req.method !== "HEAD") {
      plain(res, 405, "Use GET.", { allow: "GET, HEAD" });
    } else {
      void registry.scrape().then(
        ({ contentType, body }) => {
          res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
          res.end(req.method === "HEAD" ? undefined : body);
        },
        () => plain(res, 500, "The metrics could not be gathered."),
      );
    }
    return true;
  };
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(text);
}
