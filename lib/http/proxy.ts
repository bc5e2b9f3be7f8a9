// What the request says about the client when a proxy stands in front of the inbox. Each proxy
// *appends* the address it received the connection from to X-Forwarded-For, so only the entries
// our own proxies added are true: the one `trustedHops` from the right was written by the
// outermost of them. Everything left of it came from the client and may be anything.

export interface TProxySettings {
  trustProxy: boolean;
  /** How many proxies of our own stand in front of the inbox (TRUSTED_PROXY_HOPS). */
  trustedHops: number;
}

function entriesOf(header: string | string[] | undefined): string[] {
  return (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** The client's address for rate limiting: the socket's, or the one our proxies vouch for. */
export function clientAddress(
  request: { forwardedFor: string | string[] | undefined; remoteAddress: string | undefined },
  settings: TProxySettings,
): string {
  const entries = settings.trustProxy ? entriesOf(request.forwardedFor) : [];
  // Fewer entries than proxies: the request did not come through all of them.
  const forwarded = entries.length >= settings.trustedHops ? entries[entries.length - settings.trustedHops] : undefined;
  return forwarded ?? request.remoteAddress ?? "unknown";
}

/**
 * Whether the browser reached the inbox over HTTPS: APP_URL says so, or our proxy does. A proxy
 * that overwrites the header leaves one entry, which is then the one to believe.
 */
export function cameOverHttps(
  request: { forwardedProto: string | string[] | undefined },
  settings: TProxySettings & { appUrl: string },
): boolean {
  if (settings.appUrl.startsWith("https://")) return true;
  if (!settings.trustProxy) return false;
  const entries = entriesOf(request.forwardedProto);
  return entries[Math.max(0, entries.length - settings.trustedHops)]?.toLowerCase() === "https";
}

/** Two years; no includeSubDomains: sibling sites on the same domain may not all be HTTPS. */
export const HSTS_HEADER_VALUE = "max-age=63072000";
