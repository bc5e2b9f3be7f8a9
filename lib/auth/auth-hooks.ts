import { APIError, createAuthMiddleware } from "better-auth/api";
import type { createAccountSignInLimit } from "./account-sign-in-limit";

/**
 * The better-auth endpoints the app's pages call over HTTP. better-auth answers many more
 * (update-user, delete-user, the sessions lists, the admin plugin's create-user, update-user,
 * set-role, impersonate-user…), each a way around the app's own rules: names checked by
 * lib/users/schemas.ts, the last active admin kept, live connections closed on deactivation.
 * Users are managed through /api/admin/users; every other endpoint is refused over HTTP.
 * The server's own calls (auth.api.*) carry no request and are not affected.
 */
export const HTTP_AUTH_PATHS: ReadonlySet<string> = new Set([
  "/sign-in/email",
  "/sign-out",
  "/change-password",
  "/get-session",
]);

const SIGN_IN_PATH = "/sign-in/email";

type TAccountLimit = ReturnType<typeof createAccountSignInLimit>;

export function createAuthHooks(accountLimit: TAccountLimit) {
  return {
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.request && !HTTP_AUTH_PATHS.has(ctx.path)) {
        throw new APIError("FORBIDDEN", {
          code: "NOT_AVAILABLE",
          message:
            ctx.path === "/update-user"
              ? "Names are set by an administrator (Admin → Users), and the inbox shows no profile images."
              : "Not available here: administrators manage users under Admin → Users.",
        });
      }
      const email = signInEmail(ctx.path, ctx.body);
      if (email) await accountLimit.countAttempt(email);
    }),
    after: createAuthMiddleware(async (ctx) => {
      const email = signInEmail(ctx.path, ctx.body);
      if (email && ctx.context.newSession) await accountLimit.clear(email);
    }),
  };
}

function signInEmail(path: string, body: unknown): string | null {
  if (path !== SIGN_IN_PATH || typeof body !== "object" || body === null || !("email" in body)) return null;
  return typeof body.email === "string" ? body.email : null;
}
