import type { TAccountView } from "../../accounts/schemas";
import { AppError } from "../../errors";
import type { TAccountDeps } from "./account-store";
import { newWebhookSecret } from "./new-webhook-secret";
import { toAccountView } from "./webhook-urls";

/** New webhook URLs; the old ones answer 401 from now on, so CM's Channels app must be updated. */
export async function rotateWebhookSecret(deps: TAccountDeps, id: string): Promise<TAccountView> {
  const result = await deps.prisma.instagramAccount.updateMany({
    where: { id },
    data: { webhookSecret: newWebhookSecret() },
  });
  if (result.count === 0) throw new AppError("NOT_FOUND", "This account does not exist (any more).");
  return toAccountView(await deps.prisma.instagramAccount.findUniqueOrThrow({ where: { id } }), deps.appUrl);
}
