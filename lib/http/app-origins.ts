/**
 * The origins the app is reached at: APP_URL's, plus its loopback twin (local use reaches the
 * same server as localhost or 127.0.0.1). better-auth's trusted origins and the edge's CSRF rule
 * read this one list, so they cannot disagree.
 */
export function appOrigins(appUrl: string): string[] {
  const url = new URL(appUrl);
  const origins = [url.origin];
  if (url.hostname === "localhost") origins.push(`${url.protocol}//127.0.0.1${url.port ? `:${url.port}` : ""}`);
  if (url.hostname === "127.0.0.1") origins.push(`${url.protocol}//localhost${url.port ? `:${url.port}` : ""}`);
  return origins;
}

/**
 * Where a browser request says it comes from: "own" (an Origin in `origins`, or no Origin and
 * `Sec-Fetch-Site: same-origin`, as a same-origin GET carries), "foreign" (another Origin), or
 * "unknown" (neither: not a browser, or one that hides it). The CSRF rule and the live socket's
 * handshake both accept only "own".
 */
export function requestOrigin(
  headers: { origin?: string | undefined; "sec-fetch-site"?: string | string[] | undefined },
  origins: readonly string[],
): "own" | "foreign" | "unknown" {
  const { origin } = headers;
  if (origin !== undefined) return origins.includes(origin) ? "own" : "foreign";
  return headers["sec-fetch-site"] === "same-origin" ? "own" : "unknown";
}
