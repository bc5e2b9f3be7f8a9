import { route } from "@/lib/http/route";
import { ZAgentSettingsUpdate, ZAgentSettingsAnswer } from "@/lib/notifications/schemas";
import { getAgentSettings } from "@/lib/server/settings/get-agent-settings";
import { updateAgentSettings } from "@/lib/server/settings/update-agent-settings";

export const dynamic = "force-dynamic";

/** The signed-in agent's own notification choices. */
export const GET = route({ access: "signed-in", response: ZAgentSettingsAnswer }, async ({ runtime, user }) => ({
  settings: await getAgentSettings(runtime.db.prisma, user.id),
}));

/** Changes some of them; answers all of them. */
export const PUT = route(
  { access: "signed-in", body: ZAgentSettingsUpdate, response: ZAgentSettingsAnswer },
  async ({ runtime, user, body }) => ({
    settings: await updateAgentSettings(runtime.db.prisma, user.id, body),
  }),
);
