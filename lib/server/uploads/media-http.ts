import type { IncomingMessage, ServerResponse } from "node:http";
import type { PrismaClient } from "../../db/generated/client";
import { isDatabaseUnavailable } from "../../db/unavailable";
import { oneLine } from "../../errors-one-line";
import { findUpload } from "./find-upload";

// Uploaded images are answered here, on the plain Node.js server before Next.js, like CM's
// webhooks: CM fetches them without a session, and Next's handler would drop Content-Length
// and answer HEAD only through GET.
//   GET | HEAD /media/<id>.<ext>

const PATH = /^\/media\/([^/?#]*)(?:\?.*)?$/;

const HEADERS = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; sandbox",
  "cross-origin-resource-policy": "cross-origin",
  "referrer-policy": "no-referrer",
};

export type TMediaDeps = { prisma: PrismaClient; retentionDays: number };

/** Returns a handler that serves uploads and returns false for every other request. */
export function createMediaHttpHandler(
  getDeps: () => TMediaDeps | undefined,
  log: (line: string) => void = console.error,
) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const match = PATH.exec(req.url ?? "");
    if (!match) return false;
    const deps = getDeps();
    if (req.method !== "GET" && req.method !== "HEAD") {
      plain(res, 405, "Use GET.", { allow: "GET, HEAD" });
    } else if (!deps) {
      plain(res, 503, "The inbox is starting or stopping; try again.", { "retry-after": "2" });
    } else {
      findUpload(deps.prisma, match[1] ?? "", { now: new Date(), retentionDays: deps.retentionDays }).then(
        (upload) => {
          if (upload === null) {
            plain(res, 404, "No such image, or it was deleted after its retention period.");
            return;
          }
          res.writeHead(200, {
            ...HEADERS,
            "content-type": upload.mimeType,
            "content-length": String(upload.bytes.length),
            // The id is unguessable and the bytes never change.
            "cache-control": "public, max-age=31536000, immutable",
          });
          res.end(req.method === "HEAD" ? undefined : Buffer.from(upload.bytes));
        },
        (error: unknown) => {
          // The URL is the image's only key: it is never logged.
          log(`Uploaded image not served: ${oneLine(error)}`);
          if (isDatabaseUnavailable(error)) plain(res, 503, "Try again in a moment.", { "retry-after": "2" });
          else plain(res, 500, "Something went wrong on our side.");
        },
      );
    }
    return true;
  };
}

function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...HEADERS,
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
    ...extra,
  });
  res.end(text);
}
