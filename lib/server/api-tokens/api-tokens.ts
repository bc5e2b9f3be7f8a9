import { createHash, randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "../../db/generated/client";
import {
  BOT_SILENCE_DEFAULT,
  type TApiScope,
  type TApiToken,
  type TCreateApiTokenParsed,
} from "../../api-tokens/schemas";
import { AppError } from "../../errors";
import { accessibleAccountIds } from "../access/account-access";
import { chosenAccountIds } from "../accounts/chosen-accounts";

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

/** What a token is made from: the parsed body (ZCreateApiToken); callers in tests may leave out the bot fields. */
type TTokenInput = Omit<TCreateApiTokenParsed, "bot" | "botSilenceSeconds"> &
  Partial<Pick<TCreateApiTokenParsed, "bot" | "botSilenceSeconds">>;

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
  bot: true,
  botSilenceSeconds: true,
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
    bot: row.bot,
    botSilenceSeconds: row.botSilenceSeconds,
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
  body: TTokenInput,
  createdById: string,
): Promise<{ apiToken: TApiToken; token: string }> {
  return createToken(prisma, body, { kind: "TEAM", createdById, reachable: null });
}

/**
 * A personal token (issue 21): what its owner may do, never more. An agent's reaches only the
 * accounts they work (checked again at every request: a membership removed later narrows it)
 * and cannot read the team's reports; an admin's is as a team token, but theirs to manage.
 */
export async function createPersonalToken(
  prisma: PrismaClient,
  body: TTokenInput,
  owner: { id: string; role: string },
): Promise<{ apiToken: TApiToken; token: string }> {
  if (body.bot)
    throw new AppError(
      "BAD_REQUEST",
      "Invalid body: bot: a bot is the team's: an admin creates it in Admin → API tokens.",
    );
  const agent = owner.role !== "admin";
  if (agent && body.scopes.includes("reports:read")) {
    throw new AppError(
      "BAD_REQUEST",
      "Invalid body: scopes: reports:read is for admins (the team's reports); ask an admin for a team token.",
    );
  }
  const reachable = agent ? await accessibleAccountIds(prisma, { id: owner.id, role: owner.role }) : null;
  return createToken(prisma, body, { kind: "PERSONAL", createdById: owner.id, reachable });
}

async function createToken(
  prisma: PrismaClient,
  { name, scopes, accounts, bot = false, botSilenceSeconds = BOT_SILENCE_DEFAULT }: TTokenInput,
  { kind, createdById, reachable }: { kind: "TEAM" | "PERSONAL"; createdById: string; reachable: string[] | null },
): Promise<{ apiToken: TApiToken; token: string }> {
  const accountIds = await chosenAccountIds(prisma, accounts, reachable);
  const { token, hash, prefix } = newTokenSecret();
  const row = await prisma.apiToken.create({
    data: {
      name,
      kind,
      tokenHash: hash,
      prefix,
      scopes,
      allAccounts: accounts === "all",
      bot,
      botSilenceSeconds,
      createdById,
      accounts: { create: accountIds.map((accountId) => ({ accountId })) },
    },
    select: TOKEN_SELECT,
  });
  return { apiToken: toApiToken(row), token };
}

/** Every token (an admin's list), or one person's own (their personal tokens). */
export async function listTokens(prisma: PrismaClient, ownPersonalOf?: string): Promise<TApiToken[]> {
  const rows = await prisma.apiToken.findMany({
    where: ownPersonalOf === undefined ? {} : { kind: "PERSONAL", createdById: ownPersonalOf },
    select: TOKEN_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toApiToken);
}

/**
 * Revoked at once: every request checks the database. Revoking twice keeps the first time.
 * With `ownPersonalOf`, only that person's personal token (another's: 404, as a missing one).
 */
export async function revokeToken(
  prisma: PrismaClient,
  id: string,
  { now = new Date(), ownPersonalOf }: { now?: Date; ownPersonalOf?: string } = {},
): Promise<TApiToken> {
  const whose = ownPersonalOf === undefined ? {} : { kind: "PERSONAL" as const, createdById: ownPersonalOf };
  await prisma.apiToken.updateMany({ where: { id, revokedAt: null, ...whose }, data: { revokedAt: now } });
  const row = await prisma.apiToken.findFirst({ where: { id, ...whose }, select: TOKEN_SELECT });
  if (!row) throw new AppError("NOT_FOUND", "There is no such API token.");
  return toApiToken(row);
}
