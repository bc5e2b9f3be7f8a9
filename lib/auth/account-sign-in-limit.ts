import { createHash } from "node:crypto";
import { APIError } from "better-auth/api";
import type { PrismaClient } from "../db/generated/client";

export interface TAccountSignInLimit {
  /** Failed sign-ins allowed per account in one window. */
  max: number;
  windowMs: number;
  now: () => number;
}

export const ACCOUNT_SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

/**
 * Sign-in attempts per account (the email typed), besides better-auth's per-address limit:
 * guesses spread over many addresses, or an office behind one proxy, still meet a bound.
 * The attempt is counted before the password is checked, in one statement, so a burst of
 * parallel guesses cannot all pass a read taken before any of them counted; a successful
 * sign-in deletes the count, so only failures add up. Unknown emails are counted alike:
 * a 429 that only real accounts could reach would tell which accounts exist.
 */
export function createAccountSignInLimit(prisma: PrismaClient, limit: TAccountSignInLimit) {
  return {
    /** Counts an attempt for `email`; throws a 429 with Retry-After when the account is over its limit. */
    async countAttempt(email: string): Promise<void> {
      const key = accountKey(email);
      const now = limit.now();
      const expired = new Date(now - limit.windowMs);
      const rows = await prisma.$queryRaw<{ count: number; windowStart: Date }[]>`
        INSERT INTO "SignInAttempt" ("key", "count", "windowStart") VALUES (${key}, 1, ${new Date(now)})
        ON CONFLICT ("key") DO UPDATE SET
          "count" = CASE WHEN "SignInAttempt"."windowStart" <= ${expired} THEN 1 ELSE "SignInAttempt"."count" + 1 END,
          "windowStart" = CASE WHEN "SignInAttempt"."windowStart" <= ${expired} THEN ${new Date(now)} ELSE "SignInAttempt"."windowStart" END
        RETURNING "count", "windowStart"`;
      const row = rows[0];
      if (!row || row.count <= limit.max) return;
      const retryAfter = Math.max(1, Math.ceil((row.windowStart.getTime() + limit.windowMs - now) / 1000));
      const minutes = Math.ceil(retryAfter / 60);
      throw new APIError(
        "TOO_MANY_REQUESTS",
        {
          code: "ACCOUNT_SIGN_IN_LIMIT",
          message: `Too many failed sign-ins for this account. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
        },
        { "Retry-After": String(retryAfter) },
      );
    },

    /** A successful sign-in: earlier failures no longer count; stale rows of other emails go too. */
    async clear(email: string): Promise<void> {
      const expired = new Date(limit.now() - limit.windowMs);
      await prisma.signInAttempt.deleteMany({
        where: { OR: [{ key: accountKey(email) }, { windowStart: { lte: expired } }] },
      });
    },
  };
}

// better-auth looks accounts up by the lowercased email; the count must follow the same account.
function accountKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}
