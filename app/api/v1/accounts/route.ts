import { ZV1AccountList } from "@/lib/api-v1/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { listReachableAccounts } from "@/lib/server/accounts/list-reachable-accounts";

export const dynamic = "force-dynamic";

/** The Instagram accounts this token may reach. */
export const GET = apiRoute(
  { scope: "conversations:read", response: ZV1AccountList },
  async ({ runtime, principal }) => ({
    data: await listReachableAccounts(runtime.db.prisma, principal.accountIds),
    nextCursor: null,
  }),
);
