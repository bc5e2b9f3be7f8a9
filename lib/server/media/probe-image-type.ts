import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { normalizeImageType, type TImageMimeType } from "../../cm/media-type";
import { isPrivateAddress } from "./private-address";
import { publicOnlyLookup, type TResolve } from "./public-only-lookup";

// Asks a link's server what type it is (a HEAD request), for an image URL without an extension.
// The URL comes from an agent, and the request leaves from our server: so it must not reach
// addresses only the server can (SSRF). Only http(s); every address the name resolves to is
// checked (private-address.ts), and the connection uses the address that was checked (no second
// lookup for a rebinding name to change); IP literals are checked the same way; redirects are
// not followed. The app's own public origin and, in demo mode, the simulator are allowed even
// when private, since both are ours.

/**
 * The whole probe, connection included. A deadline, not an idle timeout: a server that sends
 * a byte a second never goes idle, and would otherwise hold the request (and the agent) open.
 */
const DEADLINE_MS = 3000;

export type TProbeOptions = {
  allowedOrigins: readonly string[];
  /** The whole probe's deadline; 3 s unless a test says otherwise. */
  deadlineMs?: number;
  /** Name resolution; the system's unless a test says otherwise. */
  resolve?: TResolve;
};

/** The image type the URL's server names in Content-Type, or null (refused, not an image, no answer). */
export async function probeImageType(url: string, options: TProbeOptions): Promise<TImageMimeType | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  if (parsed.username || parsed.password) return null;
  const ours = options.allowedOrigins.some((origin) => safeOrigin(origin) === parsed.origin);
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  if (!ours && isIP(host) !== 0 && isPrivateAddress(host)) return null;
  if (!ours && (host === "localhost" || host.endsWith(".localhost"))) return null;

  const send = parsed.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = send(
      parsed,
      {
        method: "HEAD",
        headers: { "user-agent": "ig-inbox media-type check", accept: "image/*" },
        ...(ours ? {} : { lookup: publicOnlyLookup(options.resolve) }),
      },
      (res: IncomingMessage) => {
        clearTimeout(deadline);
        res.resume();
        const ok = res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300;
        resolve(ok ? normalizeImageType(res.headers["content-type"]) : null);
        // A HEAD answer has no body: nothing more to wait for.
        req.destroy();
      },
    );
    const deadline = setTimeout(() => req.destroy(new Error("deadline")), options.deadlineMs ?? DEADLINE_MS);
    req.on("error", () => {
      clearTimeout(deadline);
      resolve(null);
    });
    req.end();
  });
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
