import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/http/route-params";
import { ZRetentionAnswer, ZRetentionSettings } from "@/lib/retention/schemas";
import { getRetention } from "@/lib/server/retention/get-retention";
import { setRetention } from "@/lib/server/retention/set-retention";

export const dynamic = "force-dynamic";

/** Admin → Accounts: an account's retention and its last run's figures. */
export const GET = route(
  { access: "admin", params: ZIdParams, response: ZRetentionAnswer },
  async ({ runtime, params }) => ({ retention: await getRetention(runtime.db.prisma, params.id) }),
);

/** Turns retention on or off and sets its months; the worker starts a run at once. */
export const PUT = route(
  { access: "admin", params: ZIdParams, body: ZRetentionSettings, response: ZRetentionAnswer },
  async ({ runtime, params, body }) => {
    const retention = await setRetention(runtime.db.prisma, { accountId: params.id, settings: body, now: new Date() });
    if (retention.enabled) runtime.workers?.retention?.wake();
    return { retention };
  },
);
