import { ZHookAttemptList } from "@/lib/hooks/schemas";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/http/route-params";
import { listHookAttempts } from "@/lib/server/hooks/hook-deliveries";

export const dynamic = "force-dynamic";

/** The endpoint's delivery log: its latest 50 attempts, newest first. */
export const GET = route(
  { access: "admin", params: ZIdParams, response: ZHookAttemptList },
  async ({ runtime, params }) => ({
    attempts: await listHookAttempts(runtime.db.prisma, params.id),
  }),
);
