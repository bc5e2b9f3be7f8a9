import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { isPrivateAddress } from "./private-address";

// Name resolution for requests that must reach public hosts only. The connection uses the very
// addresses that were checked, so a rebinding name (public for the check, private a moment
// later) gets no second lookup to change its answer.

export type TResolve = (hostname: string, family: number) => Promise<LookupAddress[]>;

export const systemResolve: TResolve = (hostname, family) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, family }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

export class PrivateAddressError extends Error {
  constructor(readonly hostname: string) {
    super(`refused: ${hostname} is a private or local address`);
    this.name = "PrivateAddressError";
  }
}

/** A lookup that refuses a name if any of its addresses is private. */
export function publicOnlyLookup(resolveName: TResolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    const family = options.family === "IPv4" ? 4 : options.family === "IPv6" ? 6 : (options.family ?? 0);
    resolveName(hostname, family).then(
      (addresses) => {
        const blocked = addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address));
        if (blocked) return callback(new PrivateAddressError(hostname), "", 0);
        if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        const first = addresses[0] as LookupAddress;
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}

/**
 * Whether a URL's host is private or local: an IP literal is checked as written, a name by
 * every address it resolves to now. A name that does not resolve is not called private (the
 * request itself will fail).
 */
export async function resolvesToPrivate(url: URL, resolveName: TResolve = systemResolve): Promise<boolean> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) !== 0) return isPrivateAddress(host);
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  let addresses: LookupAddress[];
  try {
    addresses = await resolveName(host, 0);
  } catch {
    return false;
  }
  return addresses.some((a) => isPrivateAddress(a.address));
}
