import type { TAccountView, TCreateAccount } from "../../accounts/schemas";
import { AppError } from "../../errors";
import { assertGatewayAllowed } from "./cm-gateway-policy";
import { tokenColumns, type TAccountDeps } from "./account-store";
import { newWebhookSecret } from "./new-webhook-secret";
import { toAccountView } from "./webhook-urls";

export async function createAccount(deps: TAccountDeps, input: TCreateAccount): Promise<TAccountView> {
  const existing = await deps.prisma.instagramAccount.findUnique({ where: { igAccountId: input.igAccountId } });
  if (existing) {
    throw new AppError(
      "CONFLICT",
      `Instagram account ${input.igAccountId} is already linked (as "${existing.displayName}").`,
    );
  }
  await assertGatewayAllowed(input.cmBaseUrl, deps.cmGateway ?? { allowPrivate: false });
  const row = await deps.prisma.instagramAccount.create({
    data: {
      igAccountId: input.igAccountId,
      displayName: input.displayName,
      cmBaseUrl: input.cmBaseUrl ?? null,
      webhookSecret: newWebhookSecret(),
      ...tokenColumns(deps.tokens, input.productToken),
    },
  });
  return toAccountView(row, deps.appUrl);
}
