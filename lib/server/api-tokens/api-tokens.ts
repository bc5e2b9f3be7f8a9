import { createHash, randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "../../db/generated/client";
import type { TApiScope, TApiToken, TCreateApiTokenParsed } from "../../api-tokens/schemas";
import { AppError } from "../../errors";

// API tokens (issue 21): created, listed and revoked by admins. A token is "igi_" and 32
// random bytes in base64url: recognisable by secret scanners, and its SHA-256 is all we keep.

export const TOKEN_PREFIX = "igi_";

/** A new token's secret and what is stored of it. */
export function newTokenSecret(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 4) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

const TOKEN_SELECT = {
  id: true,
  name: true,
  kind: true,
  prefix: true,
  scopes: true,
  allAccounts: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { id: true, name: true } },
  accounts: { select: { account: { select: { id: true, displayName: true } } } },
} as const;

type TTokenRow = Prisma.ApiTokenGetPayload<{ select: typeof TOKEN_SELECT }>;

function toApiToken(row: TTokenRow): TApiToken {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    prefix: row.prefix,
    scopes: row.scopes as TApiScope[],
    accounts: row.allAccounts
      ? "all"
      : row.accounts.map(({ account }) => account).sort((a, b) => a.displayName.localeCompare(b.displayName)),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/**
 * A team token, created by an admin from a body ZCreateApiToken parsed (the route did): the
 * secret is in the answer and nowhere else.
 */
export async function createTeamToken(
  prisma: PrismaClient,
  { name, scopes, accounts }: TCreateApiTokenParsed,
  createdById: string,
): Promise<{ apiToken: TApiToken; token: string }> {
  const accountIds = accounts === "all" ? [] : [...new Set(accounts)];
  if (accountIds.length > 0) {
    const found = await prisma.instagramAccount.count({ where: { id: { in: accountIds } } });
    if (found !== accountIds.length) {
      throw new AppError("BAD_REQUEST", "Invalid body: accounts: one of them is not a linked Instagram account.");
    }
  }
  const { token, hash, prefix } = newTokenSecret();
  const row = await prisma.apiToken.create({
    data: {
      name,
      kind: "TEAM",
      tokenHash: hash,
      prefix,
      scopes,
      allAccounts: accounts === "all",
      createdById,
      accounts: { create: accountIds.map((accountId) => ({ accountId })) },
    },
    select: TOKEN_SELECT,
  });
  return { apiToken: toApiToken(row), token };
}

export async function listTokens(prisma: PrismaClient): Promise<TApiToken[]> {
  const rows = await prisma.apiToken.findMany({
    select: TOKEN_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toApiToken);
}

/** Revoked at once: every request checks the database. Revoking twice keeps the first time. */
export async function revokeToken(prisma: PrismaClient, id: string, now = new Date()): Promise<TApiToken> {
  await prisma.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  const row = await prisma.apiToken.findUnique({ where: { id }, select: TOKEN_SELECT });
  if (!row) throw new AppError("NOT_FOUND", "There is no such API token.");
  return toApiToken(row);
}
