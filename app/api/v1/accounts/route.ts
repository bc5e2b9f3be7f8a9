import { V1 } from "@/lib/api-v1/operations";
import { apiRoute } from "@/lib/http/api-route";
import { listReachableAccounts } from "@/lib/server/accounts/list-reachable-accounts";

export const dynamic = "force-dynamic";

export const GET = apiRoute(V1.listAccounts, async ({ runtime, principal }) => ({
  data: await listReachableAccounts(runtime.db.prisma, principal.accountIds),
  nextCursor: null,
}));
