import type { IncomingHttpHeaders } from "node:http";
import { requestOrigin } from "../../http/app-origins";

/**
 * Whether a socket.io handshake comes from a page of the app itself. The session cookie is
 * SameSite=Lax, which a page on another origin of the same site (a sibling subdomain or port)
 * still sends: without this check such a page could open the agent's socket and read customer
 * messages as they arrive.
 *
 * Browsers send Origin on every WebSocket upgrade and every cross-origin request, so a foreign
 * page can never present a missing or forged one. Our own page's polling handshake is a
 * same-origin GET, which carries no Origin in browsers but does carry `Sec-Fetch-Site:
 * same-origin`. A handshake with neither is refused: it is not a browser (tests and the bench
 * send the app's Origin), and a client that writes its own headers holds the cookie anyway.
 */
export function isOwnOrigin(headers: IncomingHttpHeaders, origins: readonly string[]): boolean {
  return requestOrigin(headers, origins) === "own";
}
