import { Prisma } from "../../db/generated/client";
import type { TReportFact } from "../../reports/measures";
import { SLA_MET } from "./sla-met-sql";

/**
 * Writes report facts (lib/reports/measures.ts) for a conversation, in the caller's transaction,
 * with its account, its labels and its SLA policy as they are now: one statement, whatever their number.
 */
export async function recordReportFacts(
  tx: Prisma.TransactionClient,
  conversationId: string,
  facts: readonly TReportFact[],
): Promise<void> {
  if (facts.length === 0) return;
  const rows = facts.map(
    (f) =>
      Prisma.sql`(${f.kind}::text, ${f.at.toISOString()}::timestamp(3), ${f.agentId}::text, ${f.seconds}::int, ${f.businessSeconds}::int)`,
  );
  await tx.$executeRaw`
    INSERT INTO "ReportEvent" ("kind", "at", "accountId", "conversationId", "agentId", "seconds", "businessSeconds", "slaMet", "labelIds")
    SELECT f."kind"::"ReportEventKind", f."at", c."accountId", c."id", f."agentId", f."seconds", f."businessSeconds",
      ${SLA_MET.value},
      COALESCE((SELECT array_agg(cl."labelId" ORDER BY cl."labelId") FROM "ConversationLabel" cl
        WHERE cl."conversationId" = c."id"), ARRAY[]::text[])
    FROM (VALUES ${Prisma.join(rows)}) AS f("kind", "at", "agentId", "seconds", "businessSeconds")
    JOIN "Conversation" c ON c."id" = ${conversationId}
    ${SLA_MET.join}`;
}
