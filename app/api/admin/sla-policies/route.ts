import { route } from "@/lib/http/route";
import { listSlaPolicies } from "@/lib/server/sla/list-sla-policies";
import { ZSlaPolicies } from "@/lib/sla/schemas";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin", response: ZSlaPolicies }, async ({ runtime }) =>
  listSlaPolicies(runtime.db.prisma),
);
