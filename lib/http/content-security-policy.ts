// The Content-Security-Policy of every page, built per request by proxy.ts.
//
// Scripts run only with this request's nonce: Next.js reads the nonce back from the policy on
// the request and puts it on its own bootstrap scripts, and 'strict-dynamic' lets those load
// the page's chunks. An injected <script> (or inline handler) has no nonce and does not run.
// Styles keep 'unsafe-inline': components set style attributes (virtual list offsets, upload
// previews) and server-rendered style="" attributes cannot carry a nonce; a nonce in
// style-src would also make browsers ignore 'unsafe-inline'.

export interface TPolicyOptions {
  /** Fresh per request, base64. */
  nonce: string;
  /** React's development tooling needs eval; production does not. */
  dev: boolean;
  /**
   * The CM simulator's origin in demo mode: it serves the sample customers' media over plain
   * http from this machine. Real customer media comes from Meta's CDN over https.
   */
  demoMediaOrigin?: string | undefined;
}

export function contentSecurityPolicy({ nonce, dev, demoMediaOrigin }: TPolicyOptions): string {
  const demoMedia = demoMediaOrigin ? ` ${demoMediaOrigin}` : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' https: data: blob:${demoMedia}`,
    `media-src 'self' https: blob:${demoMedia}`,
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** The origin the demo's media may load from: the simulator's, only when demo mode is on. */
export function demoMediaOrigin(env: {
  DEMO_MODE: boolean;
  CM_SIMULATOR_URL?: string | undefined;
}): string | undefined {
  return env.DEMO_MODE && env.CM_SIMULATOR_URL ? new URL(env.CM_SIMULATOR_URL).origin : undefined;
}
