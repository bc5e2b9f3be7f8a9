import { ZDeletedAnswer } from "@/lib/http/answers";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/http/route-params";
import { removeSlaPolicy } from "@/lib/server/sla/remove-sla-policy";
import { saveSlaPolicy } from "@/lib/server/sla/save-sla-policy";
import { ZSlaPolicyAnswer, ZSlaPolicyInput } from "@/lib/sla/schemas";

export const dynamic = "force-dynamic";

/** An account's own SLA policy, in place of the default; 404 for an unknown account. */
export const PUT = route(
  { access: "admin", params: ZIdParams, body: ZSlaPolicyInput, response: ZSlaPolicyAnswer },
  async ({ runtime, params, body }) => ({
    policy: await saveSlaPolicy(runtime.db.prisma, { accountId: params.id, input: body }),
  }),
);

/** The account falls back to the default policy; 404 when it has none of its own. */
export const DELETE = route(
  { access: "admin", params: ZIdParams, response: ZDeletedAnswer },
  async ({ runtime, params }) => {
    await removeSlaPolicy(runtime.db.prisma, { accountId: params.id });
    return { deleted: true } as const;
  },
);
