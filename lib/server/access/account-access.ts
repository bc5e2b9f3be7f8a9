import type { PrismaClient } from "../../db/generated/client";
import { isAdmin } from "../../auth/roles";

/** Whom a question about access is asked for: the signed-in user, or an API token. */
export interface TAccessUser {
  id: string;
  role: string;
  /**
   * Set when an API token acts (issue 21): `id` is the token's, and the accounts it may reach
   * (null: every one) decide, not a role or memberships. No person acts (see personId).
   */
  apiToken?: { accountIds: string[] | null };
}

/** The person who acts, for what counts people (report facts, a thread line's author); null for an API token. */
export function personId(user: TAccessUser): string | null {
  return user.apiToken ? null : user.id;
}

/**
 * The Instagram accounts whose conversations a user may see, search, be told about and act
 * on: null for an admin (every account), otherwise the accounts they are a member of.
 */
export async function accessibleAccountIds(prisma: PrismaClient, user: TAccessUser): Promise<string[] | null> {
  if (user.apiToken) return user.apiToken.accountIds;
  if (isAdmin(user.role)) return null;
  const rows = await prisma.accountMember.findMany({ where: { userId: user.id }, select: { accountId: true } });
  return rows.map((row) => row.accountId);
}
