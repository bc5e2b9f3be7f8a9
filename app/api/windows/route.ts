import { route } from "@/lib/http/route";
import { ZReplyWindows } from "@/lib/windows/schemas";
import { accessibleAccountIds } from "@/lib/server/access/account-access";
import { listReplyWindows } from "@/lib/server/windows/list-reply-windows";

export const dynamic = "force-dynamic";

/** The reply-window board: an admin sees every account, an agent the accounts they work. */
export const GET = route({ access: "signed-in", response: ZReplyWindows }, async ({ runtime, user }) =>
  listReplyWindows(runtime.db.prisma, { accountIds: await accessibleAccountIds(runtime.db.prisma, user) }),
);
