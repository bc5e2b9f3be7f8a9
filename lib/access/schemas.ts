import { z } from "zod";

// Which agents work which Instagram accounts, as the admin pages send and receive it. Shared
// by the route handlers (validation) and the browser. Admins are never members: they see
// every account.

const ZId = (what: string) => z.string().trim().min(1, `must name ${what}`).max(100, "is too long");

/** One agent working one account. */
export const ZMembership = z.object({ accountId: z.string(), userId: z.string() });
export type TMembership = z.infer<typeof ZMembership>;

/** Makes (member: true) or unmakes (false) an agent a member of an account; repeating it changes nothing. */
export const ZSetMembership = z.object({
  accountId: ZId("an account"),
  userId: ZId("an agent"),
  member: z.boolean({ error: "must be true (add) or false (remove)" }),
});
export type TSetMembership = z.infer<typeof ZSetMembership>;

export const ZMembershipList = z
  .object({ memberships: z.array(ZMembership) })
  .describe("GET /api/admin/memberships: which agent works which account (admins are never listed).");
export type TMembershipList = z.infer<typeof ZMembershipList>;

export const ZMembershipAnswer = z
  .object({
    membership: ZMembership.extend({ member: z.boolean().describe("Whether the agent works the account now.") }),
  })
  .describe("PUT /api/admin/memberships: the membership as it is now.");
