import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, demoMediaOrigin } from "@/lib/http/content-security-policy";
import { env } from "@/lib/env";

// Next.js 16's request proxy (formerly middleware): gives every page request a fresh script
// nonce. Next.js takes the nonce from the Content-Security-Policy *request* header when it
// renders, so the policy goes on the request (overwriting any the client sent) and on the
// response. Every page renders per request (app/layout.tsx), so each gets its own nonce.
export function proxy(request: NextRequest): NextResponse {
  const policy = contentSecurityPolicy({
    nonce: randomBytes(16).toString("base64"),
    dev: process.env.NODE_ENV === "development",
    // Read when the request comes, not when the app is built: the demo's simulator port is
    // chosen at start.
    demoMediaOrigin: demoMediaOrigin(env()),
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Not the JSON API (next.config.js gives it a policy that allows nothing, and the proxy
  // would copy request bodies), nor build assets, which are never a document.
  matcher: ["/((?!api(?:/|$)|_next/static/|_next/image).*)"],
};
