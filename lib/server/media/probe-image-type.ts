import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { normalizeImageType, type TImageMimeType } from "../../cm/media-type";

// Asks a link's server what type it is (a HEAD request), for an image URL without an extension.
// The URL comes from an agent, and the request leaves from our server: so it must not reach
// addresses only the server can (SSRF). Only http(s); every address the name resolves to is
// checked, and the connection uses the address that was checked (no second lookup for a
// rebinding name to change); IP literals are checked the same way; redirects are not followed;
// 3 seconds at most. The app's own public origin and, in demo mode, the simulator are allowed
// even when private, since both are ours.

const TIMEOUT_MS = 3000;

const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  BLOCKED.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  BLOCKED.addSubnet(net, prefix, "ipv6");
}

/** True for loopback, private, link-local, shared, multicast and reserved addresses. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1] !== undefined) return isPrivateAddress(mapped[1]);
  const family = isIP(bare);
  if (family === 0) return true;
  return BLOCKED.check(bare, family === 4 ? "ipv4" : "ipv6");
}

type TResolve = (hostname: string, family: number) => Promise<LookupAddress[]>;

const systemResolve: TResolve = (hostname, family) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, family }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/** A lookup that refuses a name if any of its addresses is private. */
function publicOnlyLookup(resolveName: TResolve): LookupFunction {
  return (hostname, options, callback) => {
    const family = options.family === "IPv4" ? 4 : options.family === "IPv6" ? 6 : (options.family ?? 0);
    resolveName(hostname, family).then(
      (addresses) => {
        const blocked = addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address));
        if (blocked) return callback(new Error("refused: private address"), "", 0);
        if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        const first = addresses[0] as LookupAddress;
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}

export type TProbeOptions = {
  allowedOrigins: readonly string[];
  timeoutMs?: number;
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
        timeout: options.timeoutMs ?? TIMEOUT_MS,
        headers: { "user-agent": "ig-inbox media-type check", accept: "image/*" },
        ...(ours ? {} : { lookup: publicOnlyLookup(options.resolve ?? systemResolve) }),
      },
      (res: IncomingMessage) => {
        res.resume();
        const ok = res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300;
        resolve(ok ? normalizeImageType(res.headers["content-type"]) : null);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve(null));
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
