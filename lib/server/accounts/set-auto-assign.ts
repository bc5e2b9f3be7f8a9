import type { TAccountView, TAutoAssignSettings } from "../../accounts/schemas";
import { AppError } from "../../errors";
import type { TAccountDeps } from "./account-store";
import { toAccountView } from "./webhook-urls";

/** Switches automatic assignment for an account and sets the per-agent limit. */
export async function setAutoAssign(
  deps: TAccountDeps,
  id: string,
  settings: TAutoAssignSettings,
): Promise<TAccountView> {
  const result = await deps.prisma.instagramAccount.updateMany({ where: { id }, data: settings });
  if (result.count === 0) throw new AppError("NOT_FOUND", "This account does not exist (any more).");
  return toAccountView(await deps.prisma.instagramAccount.findUniqueOrThrow({ where: { id } }), deps.appUrl);
}
