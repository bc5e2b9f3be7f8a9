import { ZDeletedAnswer } from "@/lib/http/answers";
import { route } from "@/lib/http/route";
import { removeSlaPolicy } from "@/lib/server/sla/remove-sla-policy";
import { saveSlaPolicy } from "@/lib/server/sla/save-sla-policy";
import { ZSlaPolicyAnswer, ZSlaPolicyInput } from "@/lib/sla/schemas";

export const dynamic = "force-dynamic";

/** The SLA policy of every account without its own. */
export const PUT = route(
  { access: "admin", body: ZSlaPolicyInput, response: ZSlaPolicyAnswer },
  async ({ runtime, body }) => ({ policy: await saveSlaPolicy(runtime.db.prisma, { accountId: null, input: body }) }),
);

/** No default any more: accounts without their own run no SLA clocks. 404 when there is none. */
export const DELETE = route({ access: "admin", response: ZDeletedAnswer }, async ({ runtime }) => {
  await removeSlaPolicy(runtime.db.prisma, { accountId: null });
  return { deleted: true } as const;
});
