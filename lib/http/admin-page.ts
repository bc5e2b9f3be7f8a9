import { redirect } from "next/navigation";
import { cache } from "react";
import type { TSessionUser } from "../auth/session";
import { requirePageUser } from "./page-session";

/** The page (outside the admin segment) that tells an agent the admin pages are not theirs. */
export const ADMINS_ONLY_PATH = "/admins-only";

/**
 * The signed-in admin of this page request; an agent is sent to a page saying why, a signed-out
 * visitor to sign-in.
 * Every admin page and server data loader calls it itself, not only the admin layout: the App
 * Router renders a layout and its page in parallel (and a client navigation renders only the
 * page), so a page that loaded data would otherwise put it in the response before the layout's
 * check could stop it. Looked up once per request however many callers ask.
 */
export const requireAdminPage = cache(async function requireAdminPage(): Promise<TSessionUser> {
  const user = await requirePageUser();
  if (user.role !== "admin") redirect(ADMINS_ONLY_PATH);
  return user;
});
