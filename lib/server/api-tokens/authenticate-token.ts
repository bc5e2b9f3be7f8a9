import type { PrismaClient } from "../../db/generated/client";
import type { TApiScope } from "../../api-tokens/schemas";
import { AppError } from "../../errors";
import { hashToken } from "./api-tokens";

/** Who a request to /api/v1 acts for: a token, its scopes and the accounts it may reach. */
export interface TApiPrincipal {
  tokenId: string;
  name: string;
  scopes: readonly TApiScope[];
  /** The accounts it may reach; null: every account. */
  accountIds: string[] | null;
  /** Who created it (a personal token acts for them). */
  userId: string;
}

/** The token's rate limit after this request, for the RateLimit-* headers. */
export interface TRateLimit {
  limit: number;
  remaining: number;
  /** Seconds until the window ends (and the count starts again). */
  resetSeconds: number;
  exceeded: boolean;
}

export interface TAuthenticateOptions {
  /** Requests per token per window. */
  limit: number;
  windowMs?: number;
  now?: Date;
}

interface TTokenRow {
  id: string;
  name: string;
  scopes: string[];
  allAccounts: boolean;
  createdById: string;
  rateWindowStart: Date;
  rateCount: number;
  accountIds: string[] | null;
  kind: "TEAM" | "PERSONAL";
  ownerRole: string;
  ownerBanned: boolean;
  memberAccountIds: string[] | null;
}

/**
 * The token of an `Authorization: Bearer` header, checked, counted and noted in one statement:
 * the row of a token not revoked is found by its SHA-256, its rate-limit window moved on (or
 * its count raised) and its last use set. Every request reads the database, so a revoked token
 * is refused at once on every instance. 401 for a token we do not know or one revoked, with
 * words that say which.
 */
export async function authenticateToken(
  prisma: PrismaClient,
  token: string,
  { limit, windowMs = 60_000, now = new Date() }: TAuthenticateOptions,
): Promise<{ principal: TApiPrincipal; rate: TRateLimit }> {
  const hash = hashToken(token);
  const windowStartsAfter = new Date(now.getTime() - windowMs);
  const [row] = await prisma.$queryRaw<TTokenRow[]>`
    UPDATE "ApiToken" t SET
      "rateCount" = CASE WHEN t."rateWindowStart" IS NULL OR t."rateWindowStart" <= ${windowStartsAfter} THEN 1
        ELSE t."rateCount" + 1 END,
      "rateWindowStart" = CASE WHEN t."rateWindowStart" IS NULL OR t."rateWindowStart" <= ${windowStartsAfter} THEN ${now}
        ELSE t."rateWindowStart" END,
      "lastUsedAt" = ${now}
    FROM "User" u
    WHERE t."tokenHash" = ${hash} AND t."revokedAt" IS NULL AND u."id" = t."createdById"
    RETURNING t."id", t."name", t."scopes", t."allAccounts", t."createdById",
      t."rateWindowStart", t."rateCount", t."kind"::text AS "kind",
      u."role" AS "ownerRole", COALESCE(u."banned", false) AS "ownerBanned",
      (SELECT array_agg(a."accountId" ORDER BY a."accountId") FROM "ApiTokenAccount" a WHERE a."tokenId" = t."id") AS "accountIds",
      -- Only a personal token of an agent is held to the owner's memberships (see reach).
      CASE WHEN t."kind" = 'PERSONAL' AND u."role" <> 'admin' THEN
        (SELECT array_agg(m."accountId" ORDER BY m."accountId") FROM "AccountMember" m WHERE m."userId" = t."createdById")
      END AS "memberAccountIds"`;
  if (!row) {
    const revoked = await prisma.apiToken.findUnique({ where: { tokenHash: hash }, select: { revokedAt: true } });
    throw new AppError(
      "UNAUTHORIZED",
      revoked?.revokedAt
        ? `This API token was revoked (${revoked.revokedAt.toISOString()}); an admin can create a new one in Admin → API tokens.`
        : "This API token is not valid. Check that it was copied whole; an admin can create one in Admin → API tokens.",
    );
  }
  if (row.kind === "PERSONAL" && row.ownerBanned) {
    throw new AppError("UNAUTHORIZED", "This personal API token's owner was deactivated: it acts for nobody now.");
  }
  const resetMs = new Date(row.rateWindowStart).getTime() + windowMs - now.getTime();
  return {
    principal: {
      tokenId: row.id,
      name: row.name,
      ...reach(row),
      userId: row.createdById,
    },
    rate: {
      limit,
      remaining: Math.max(0, limit - row.rateCount),
      resetSeconds: Math.max(1, Math.ceil(resetMs / 1000)),
      exceeded: row.rateCount > limit,
    },
  };
}

/**
 * What the token may do and reach now. A personal token of an agent is held to the agent's
 * access as it is at this request: the accounts they work (of those it was given), and no
 * team reports, whatever it was created with.
 */
function reach(row: TTokenRow): { scopes: TApiScope[]; accountIds: string[] | null } {
  const scopes = row.scopes as TApiScope[];
  const own = row.allAccounts ? null : (row.accountIds ?? []);
  if (row.kind !== "PERSONAL" || row.ownerRole === "admin") return { scopes, accountIds: own };
  const member = row.memberAccountIds ?? [];
  return {
    scopes: scopes.filter((scope) => scope !== "reports:read"),
    accountIds: own === null ? member : own.filter((id) => member.includes(id)),
  };
}
