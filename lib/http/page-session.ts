import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getSessionUser, type TSessionUser } from "../auth/session";
import { getRuntime } from "../runtime";
import { PATH_HEADER } from "./request-headers";

/**
 * The signed-in user of this page request, or a redirect to sign-in (returning here afterwards).
 * Looked up once per request however many layouts and pages ask (React's per-request cache).
 */
export const requirePageUser = cache(async function requirePageUser(): Promise<TSessionUser> {
  const runtime = getRuntime();
  const requestHeaders = await headers();
  const user = runtime ? await getSessionUser(runtime.auth, requestHeaders) : null;
  if (!user) {
    const path = requestHeaders.get(PATH_HEADER) ?? "/";
    redirect(path === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(path)}`);
  }
  return user;
});
