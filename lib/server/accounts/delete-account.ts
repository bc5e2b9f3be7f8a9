import { AppError } from "../../errors";
import type { TAccountRemoved } from "../../effects/effects";
import type { TAccountDeps } from "./account-store";

/** Unlinks an account and, with it, its contacts, conversations and messages. */
export async function deleteAccount({ prisma }: TAccountDeps, id: string): Promise<TAccountRemoved> {
  const result = await prisma.instagramAccount.deleteMany({ where: { id } });
  if (result.count === 0) throw new AppError("NOT_FOUND", "This account does not exist (any more).");
  return { kind: "account-removed", accountId: id };
}
