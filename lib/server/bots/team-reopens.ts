import type { Prisma } from "../../db/generated/client";

/**
 * Marks this transaction's reopenings as the team's (an agent reopens, a snooze ends): the
 * trigger that gives conversations opening on a bot's account to the bot (migration *_bots)
 * leaves them to the team. Only a customer's message opens a conversation for a bot.
 */
export async function reopenForTheTeam(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$queryRaw`SELECT set_config('inbox.reopened_by_team', 'on', true)`;
}
