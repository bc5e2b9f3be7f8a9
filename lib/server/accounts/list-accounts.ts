import type { TAccountView } from "../../accounts/schemas";
import type { TAccountDeps } from "./account-store";
import { toAccountView } from "./webhook-urls";

export async function listAccounts({ prisma, appUrl }: TAccountDeps): Promise<TAccountView[]> {
  const rows = await prisma.instagramAccount.findMany({ orderBy: { displayName: "asc" } });
  return rows.map((row) => toAccountView(row, appUrl));
}
