import type { PrismaClient } from "../../db/generated/client";
import { DEFAULT_AGENT_SETTINGS, type TAgentSettings } from "../../notifications/schemas";
import { SETTINGS_SELECT } from "./get-agent-settings";

/** Changes the choices named in `update` (one statement: two tabs changing two boxes both win). */
export async function updateAgentSettings(
  prisma: PrismaClient,
  userId: string,
  update: Partial<TAgentSettings>,
): Promise<TAgentSettings> {
  return prisma.agentSettings.upsert({
    where: { userId },
    create: { ...DEFAULT_AGENT_SETTINGS, ...update, userId },
    update,
    select: SETTINGS_SELECT,
  });
}
