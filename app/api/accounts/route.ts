import { route } from "@/lib/http/route";
import { accessibleAccountIds } from "@/lib/server/access/account-access";

export const dynamic = "force-dynamic";

/** The Instagram accounts this agent works (all of them for an admin), for the inbox's account filter. */
export const GET = route({ access: "signed-in" }, async ({ runtime, user }) => {
  const ids = await accessibleAccountIds(runtime.db.prisma, user);
  const accounts = await runtime.db.prisma.instagramAccount.findMany({
    where: ids === null ? {} : { id: { in: ids } },
    select: { id: true, displayName: true },
    orderBy: { displayName: "asc" },
  });
  return { accounts };
});
