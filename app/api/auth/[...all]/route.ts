import { NextResponse } from "next/server";
import { getSignedInSession } from "@/lib/auth/session";
import { announce } from "@/lib/realtime/server/announce";
import { getRuntime } from "@/lib/runtime";

export const dynamic = "force-dynamic";

// better-auth's endpoints (sign-in, sign-out, change-password, session). Public by nature:
// they check credentials and sessions themselves, and rate-limit sign-in.
async function handle(request: Request): Promise<Response> {
  const runtime = getRuntime();
  if (!runtime) {
    return NextResponse.json({ error: { code: "UNAVAILABLE", message: "Starting up; try again." } }, { status: 503 });
  }
  // Signing out ends this session's live connections too, on every instance.
  const signingOut = request.method === "POST" && new URL(request.url).pathname.endsWith("/sign-out");
  const before = signingOut ? await getSignedInSession(runtime.auth, request.headers) : null;
  const response = await runtime.auth.handler(request);
  if (before && response.ok) {
    await announce({ kind: "session-ended", sessionId: before.sessionId, reason: "You signed out." });
  }
  return withoutSessionToken(response);
}

/**
 * better-auth echoes the session token in some JSON bodies (sign-in, get-session). The browser
 * already holds it in an httpOnly cookie; a copy readable by scripts would undo that, so it
 * is removed before the answer leaves the server.
 */
async function withoutSessionToken(response: Response): Promise<Response> {
  if (!response.headers.get("content-type")?.includes("application/json")) return response;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, response);
  }
  const scrubbed = JSON.stringify(body, (key, value: unknown) => (key === "token" ? undefined : value));
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(scrubbed, { status: response.status, statusText: response.statusText, headers });
}

export const GET = handle;
export const POST = handle;
