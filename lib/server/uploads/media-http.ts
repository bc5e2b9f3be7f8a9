import type { IncomingMessage, ServerResponse } from "node:http";
import type { TSql } from "../../db/client";
import { isDatabaseUnavailable } from "../../db/unavailable";
import { oneLine } from "../../errors-one-line";
import { findUpload, readUploadPiece } from "./find-upload";
import { log as logger } from "../../log/logger";

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

export type TMediaDeps = { sql: TSql; graceDays: number };

/** Bytes read from the database at a time: what one image costs in memory while it is served. */
const PIECE_BYTES = 512 * 1024;

/** Returns a handler that serves uploads and returns false for every other request. */
export function createMediaHttpHandler(
  getDeps: () => TMediaDeps | undefined,
  log: (line: string) => void = (line) => logger().error(line),
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
      serve(deps, match[1] ?? "", req, res).catch((error: unknown) => {
        // The URL is the image's only key: it is never logged.
        log(`Uploaded image not served: ${oneLine(error)}`);
        if (res.headersSent) res.destroy();
        else if (isDatabaseUnavailable(error)) plain(res, 503, "Try again in a moment.", { "retry-after": "2" });
        else plain(res, 500, "Something went wrong on our side.");
      });
    }
    return true;
  };
}

async function serve(deps: TMediaDeps, file: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const upload = await findUpload(deps.sql, file, { now: new Date(), graceDays: deps.graceDays });
  if (upload === null) {
    plain(res, 404, "No such image, or it was deleted (nothing used it any more).");
    return;
  }
  res.writeHead(200, {
    ...HEADERS,
    "content-type": upload.mimeType,
    "content-length": String(upload.size),
    // The id is unguessable and the bytes never change.
    "cache-control": "public, max-age=31536000, immutable",
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  for (let offset = 0; offset < upload.size && !res.destroyed; offset += PIECE_BYTES) {
    const piece = await readUploadPiece(deps.sql, upload.id, offset, PIECE_BYTES);
    // Swept since it was found: the client sees a cut-off body rather than a wrong one.
    if (piece === null || piece.length === 0) {
      res.destroy();
      return;
    }
    // A slow reader holds one piece, not the whole image.
    if (!res.write(piece)) await drained(res);
  }
  res.end();
}

/** Resolves when the response can take more, or is closed (its listeners removed either way). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
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
