import { AppError } from "../errors";
import { requestOrigin } from "./app-origins";

// The CSRF rule for every state-changing request to the API. SameSite=Lax cookies stop other
// *sites*, but a page on a sibling origin of the same site (another subdomain or port) still
// sends them: a plain HTML form there could create an admin. So a write is accepted only from
// the app's own origin, and only as JSON (or an image to /api/uploads), which no HTML form can
// send and no cross-origin page can send without a CORS preflight we never grant.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CM posts webhooks server to server; the secret in the URL is their authentication. The public
 * API (/api/v1) takes an API token in the Authorization header and never reads a cookie
 * (lib/http/api-route.ts), so a page elsewhere cannot make a browser act through it: there is
 * no ambient credential to borrow.
 */
const EXEMPT = /^\/api\/(webhooks\/cm|v1)\//;

/** The upload route takes the raw image; a file the browser cannot type arrives as octet-stream. */
const UPLOAD_TYPES = /^(image\/[a-z0-9.+-]+|application\/octet-stream)$/;

export interface TWriteRequest {
  method: string;
  url: string;
  headers: {
    origin?: string | undefined;
    "sec-fetch-site"?: string | undefined;
    "content-type"?: string | undefined;
    "content-length"?: string | undefined;
    "transfer-encoding"?: string | undefined;
  };
}

/** Why a request must be refused (403 origin, 415 type), or null when it may go on. */
export function checkWriteRequest(request: TWriteRequest, appOrigins: readonly string[]): AppError | null {
  const path = request.url.split(/[?#]/, 1)[0] ?? "";
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  if (!(path === "/api" || path.startsWith("/api/")) || EXEMPT.test(path)) return null;

  const from = requestOrigin(request.headers, appOrigins);
  if (from === "foreign") {
    return new AppError(
      "FORBIDDEN",
      "This request came from another origin; the inbox accepts changes only from its own pages.",
    );
  }
  if (from === "unknown") {
    return new AppError(
      "FORBIDDEN",
      "This request does not show it comes from the inbox's own pages (no Origin header).",
    );
  }

  if (!hasBody(request.headers)) return null;
  const type = mediaType(request.headers["content-type"]);
  const isUpload = path === "/api/uploads" || path === "/api/uploads/";
  if (isUpload ? !UPLOAD_TYPES.test(type) : type !== "application/json") {
    return new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      isUpload
        ? "Send the image with its image type as Content-Type."
        : "Send the body as JSON (Content-Type: application/json).",
    );
  }
  return null;
}

function hasBody(headers: TWriteRequest["headers"]): boolean {
  if (headers["transfer-encoding"] !== undefined) return true;
  const length = headers["content-length"];
  return length !== undefined && length.trim() !== "0";
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";", 1)[0]?.trim().toLowerCase() ?? "";
}
