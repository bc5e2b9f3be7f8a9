import type { PrismaClient } from "../../db/generated/client";
import { DEFAULT_AGENT_SETTINGS, type TAgentSettings } from "../../notifications/schemas";

export const SETTINGS_SELECT = { notifyDesktop: true, notifySound: true, notifyTitle: true } as const;

/** An agent's notification choices; the defaults while they never changed one (no row). */
export async function getAgentSettings(prisma: PrismaClient, userId: string): Promise<TAgentSettings> {
  const row = await prisma.agentSettings.findUnique({ where: { userId }, select: SETTINGS_SELECT });
  return row ?? DEFAULT_AGENT_SETTINGS;
}
