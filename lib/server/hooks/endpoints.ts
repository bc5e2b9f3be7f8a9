import type { Prisma, PrismaClient } from "../../db/generated/client";
import type { TSecretBox } from "../../crypto/secret-box";
import { AppError } from "../../errors";
import { newHookSecret } from "../../hooks/signature";
import type {
  TCreateHookEndpointParsed,
  THookEndpoint,
  THookEventType,
  TUpdateHookEndpointParsed,
} from "../../hooks/schemas";
import { chosenAccountIds } from "../accounts/chosen-accounts";
import { resolvesToPrivate } from "../media/public-only-lookup";

// Webhook endpoints (issue 21, Admin → Webhooks): created, listed, changed and removed by
// admins. The signing secret is stored encrypted (the signature needs it), shown once.

/** What an endpoint's URL may be: https to a public address, unless WEBHOOKS_ALLOW_LOCAL. */
export interface THookTargetRules {
  allowLocal: boolean;
}

const ENDPOINT_SELECT = {
  id: true,
  url: true,
  description: true,
  events: true,
  includeNotes: true,
  allAccounts: true,
  enabled: true,
  disabledAt: true,
  disabledReason: true,
  createdAt: true,
  accounts: { select: { account: { select: { id: true, displayName: true } } } },
} as const;

type TEndpointRow = Prisma.HookEndpointGetPayload<{ select: typeof ENDPOINT_SELECT }>;

function toHookEndpoint(row: TEndpointRow, counts: { pending: number; failed: number }): THookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as THookEventType[],
    includeNotes: row.includeNotes,
    accounts: row.allAccounts
      ? "all"
      : row.accounts.map(({ account }) => account).sort((a, b) => a.displayName.localeCompare(b.displayName)),
    enabled: row.enabled,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledReason: row.disabledReason,
    createdAt: row.createdAt.toISOString(),
    ...counts,
  };
}

/** Refuses a URL that could never be delivered to: http, or a private address written out. */
export async function assertHookTarget(url: string, rules: THookTargetRules): Promise<void> {
  if (rules.allowLocal) return;
  const parsed = new URL(url);
  if (parsed.protocol !== "https:") {
    throw new AppError("BAD_REQUEST", "Invalid body: url: must start with https:// (http is for development only).");
  }
  if (await resolvesToPrivate(parsed)) {
    throw new AppError(
      "BAD_REQUEST",
      "Invalid body: url: points to a private, loopback or link-local address; webhooks go to public addresses only.",
    );
  }
}

export async function createHookEndpoint(
  prisma: PrismaClient,
  input: TCreateHookEndpointParsed,
  { createdById, secrets, rules }: { createdById: string; secrets: TSecretBox; rules: THookTargetRules },
): Promise<{ endpoint: THookEndpoint; secret: string }> {
  await assertHookTarget(input.url, rules);
  const accountIds = await chosenAccountIds(prisma, input.accounts);
  const secret = newHookSecret();
  const row = await prisma.hookEndpoint.create({
    data: {
      url: input.url,
      description: input.description,
      events: input.events,
      includeNotes: input.includeNotes,
      allAccounts: input.accounts === "all",
      secretEncrypted: secrets.encrypt(secret),
      createdById,
      accounts: { create: accountIds.map((accountId) => ({ accountId })) },
    },
    select: ENDPOINT_SELECT,
  });
  return { endpoint: toHookEndpoint(row, { pending: 0, failed: 0 }), secret };
}

export async function listHookEndpoints(prisma: PrismaClient, now = new Date()): Promise<THookEndpoint[]> {
  const rows = await prisma.hookEndpoint.findMany({
    select: ENDPOINT_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const counts = await countDeliveries(
    prisma,
    rows.map((row) => row.id),
    now,
  );
  return rows.map((row) => toHookEndpoint(row, counts.get(row.id) ?? { pending: 0, failed: 0 }));
}

async function countDeliveries(prisma: PrismaClient, ids: string[], now: Date) {
  const since = new Date(now.getTime() - 3 * 24 * 3600_000);
  const rows = await prisma.$queryRaw<{ endpointId: string; pending: number; failed: number }[]>`
    SELECT "endpointId",
      (COUNT(*) FILTER (WHERE "state" = 'PENDING'))::int AS "pending",
      (COUNT(*) FILTER (WHERE "state" = 'FAILED' AND "createdAt" >= ${since}))::int AS "failed"
    FROM "HookDelivery"
    WHERE "endpointId" = ANY(${ids}::text[]) AND ("state" = 'PENDING' OR ("state" = 'FAILED' AND "createdAt" >= ${since}))
    GROUP BY "endpointId"`;
  return new Map(rows.map((row) => [row.endpointId, { pending: row.pending, failed: row.failed }]));
}

export async function getHookEndpoint(prisma: PrismaClient, id: string, now = new Date()): Promise<THookEndpoint> {
  const row = await prisma.hookEndpoint.findUnique({ where: { id }, select: ENDPOINT_SELECT });
  if (!row) throw new AppError("NOT_FOUND", "There is no such webhook endpoint.");
  const counts = await countDeliveries(prisma, [id], now);
  return toHookEndpoint(row, counts.get(id) ?? { pending: 0, failed: 0 });
}

/**
 * Changes an endpoint. Turning it back on clears why it was disabled; its deliveries that were
 * still pending are tried again from now (those that failed for good can be resent one by one).
 */
export async function updateHookEndpoint(
  prisma: PrismaClient,
  id: string,
  update: TUpdateHookEndpointParsed,
  { rules, now = new Date() }: { rules: THookTargetRules; now?: Date },
): Promise<THookEndpoint> {
  if (update.url !== undefined) await assertHookTarget(update.url, rules);
  const accountIds = update.accounts === undefined ? undefined : await chosenAccountIds(prisma, update.accounts);
  await prisma.$transaction(async (tx) => {
    const found = await tx.hookEndpoint.findUnique({ where: { id }, select: { enabled: true } });
    if (!found) throw new AppError("NOT_FOUND", "There is no such webhook endpoint.");
    const reenabled = update.enabled === true && !found.enabled;
    await tx.hookEndpoint.update({
      where: { id },
      data: {
        ...(update.url !== undefined && { url: update.url }),
        ...(update.description !== undefined && { description: update.description }),
        ...(update.events !== undefined && { events: update.events }),
        ...(update.includeNotes !== undefined && { includeNotes: update.includeNotes }),
        ...(update.enabled !== undefined && {
          enabled: update.enabled,
          ...(update.enabled
            ? { disabledAt: null, disabledReason: null }
            : { disabledAt: now, disabledReason: "Turned off by an admin." }),
        }),
        ...(update.accounts !== undefined && { allAccounts: update.accounts === "all" }),
      },
    });
    if (accountIds !== undefined) {
      await tx.hookEndpointAccount.deleteMany({ where: { endpointId: id } });
      await tx.hookEndpointAccount.createMany({ data: accountIds.map((accountId) => ({ endpointId: id, accountId })) });
    }
    if (reenabled) {
      await tx.hookDelivery.updateMany({
        where: { endpointId: id, state: "PENDING" },
        data: { nextAttemptAt: now, firstAttemptAt: null, leaseUntil: null },
      });
    }
  });
  return getHookEndpoint(prisma, id, now);
}

/** Removes an endpoint with its deliveries and their log. */
export async function deleteHookEndpoint(prisma: PrismaClient, id: string): Promise<void> {
  const { count } = await prisma.hookEndpoint.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("NOT_FOUND", "There is no such webhook endpoint.");
}
