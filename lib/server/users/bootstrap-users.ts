import { createUser } from "./create-user";
import type { TUserDeps } from "./user-deps";

export type TBootstrapOutcome =
  { kind: "existing" } | { kind: "created-admin"; email: string } | { kind: "needs-admin" };

/**
 * First start of a real installation: with no users at all, the first admin comes from
 * ADMIN_EMAIL and ADMIN_PASSWORD. There is never a default password.
 */
export async function bootstrapUsers(
  deps: TUserDeps,
  admin: { email?: string | undefined; password?: string | undefined },
): Promise<TBootstrapOutcome> {
  if ((await deps.prisma.user.count()) > 0) return { kind: "existing" };
  if (!admin.email || !admin.password) return { kind: "needs-admin" };
  await createUser(deps, {
    email: admin.email.toLowerCase(),
    password: admin.password,
    name: "Administrator",
    role: "admin",
  });
  return { kind: "created-admin", email: admin.email };
}
