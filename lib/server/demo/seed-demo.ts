import type { TAccountView } from "../../accounts/schemas";
import type { TAccountDeps } from "../accounts/account-store";
import { createAccount } from "../accounts/create-account";
import { toAccountView } from "../accounts/webhook-urls";
import { createUser } from "../users/create-user";
import type { TUserDeps } from "../users/user-deps";
import { DEMO_ACCOUNT, DEMO_USERS } from "./demo-fixtures";

/**
 * Creates the demo logins and the demo Instagram account when missing; returns the account.
 * The demo agent is made a member of the demo account when either of them is created, so the
 * demo shows them its conversations, and a membership an admin removed later stays removed.
 */
export async function seedDemo(deps: TUserDeps & TAccountDeps): Promise<TAccountView> {
  const newAgents: string[] = [];
  for (const user of DEMO_USERS) {
    if (!(await deps.prisma.user.findUnique({ where: { email: user.email } }))) {
      const { id } = await createUser(deps, user);
      if (user.role === "agent") newAgents.push(id);
    }
  }
  const existing = await deps.prisma.instagramAccount.findUnique({ where: { igAccountId: DEMO_ACCOUNT.igAccountId } });
  const account = existing
    ? toAccountView(existing, deps.appUrl)
    : await createAccount(deps, { ...DEMO_ACCOUNT, cmBaseUrl: null });
  // The demo agents work the demo account (admins see every account anyway).
  const agents = existing
    ? newAgents
    : (
        await deps.prisma.user.findMany({
          where: { email: { in: DEMO_USERS.map((u) => u.email) }, role: { not: "admin" } },
          select: { id: true },
        })
      ).map((agent) => agent.id);
  await deps.prisma.accountMember.createMany({
    data: agents.map((userId) => ({ accountId: account.id, userId })),
    skipDuplicates: true,
  });
  return account;
}
