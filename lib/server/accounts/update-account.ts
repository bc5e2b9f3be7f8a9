import type { TAccountView, TUpdateAccount } from "../../accounts/schemas";
import { AppError } from "../../errors";
import { assertGatewayAllowed } from "./cm-gateway-policy";
import { tokenColumns, type TAccountDeps } from "./account-store";
import { toAccountView } from "./webhook-urls";

export async function updateAccount(deps: TAccountDeps, id: string, input: TUpdateAccount): Promise<TAccountView> {
  const { productToken, ...rest } = input;
  await assertGatewayAllowed(input.cmBaseUrl, deps.cmGateway ?? { allowPrivate: false });
  const result = await deps.prisma.instagramAccount.updateMany({
    where: { id },
    data: { ...rest, ...(productToken ? tokenColumns(deps.tokens, productToken) : {}) },
  });
  if (result.count === 0) throw new AppError("NOT_FOUND", "This account does not exist (any more).");
  return toAccountView(await deps.prisma.instagramAccount.findUniqueOrThrow({ where: { id } }), deps.appUrl);
}
