// The big tables' secondary indexes, dropped before the history is written and built again
// afterwards, each timed: what building them costs on this much data (a restore does the same),
// and a faster load. Primary keys stay (they are constraints the foreign keys need).
import type { TSession, TStep } from "./history";

export const INDEXED_TABLES = ["Message", "Conversation", "Contact", "WebhookEvent", "ConversationLabel"];

export type TIndex = { table: string; name: string; definition: string };

/** Drops every index of those tables that backs no constraint, and returns their definitions. */
export async function dropSecondaryIndexes(db: TSession): Promise<TIndex[]> {
  const { rows } = (await db.query(
    `SELECT tablename AS "table", indexname AS "name", indexdef AS "definition" FROM pg_indexes
     WHERE schemaname = current_schema() AND tablename = ANY($1::text[])
       AND indexname NOT IN (SELECT conname FROM pg_constraint)
     ORDER BY tablename, indexname`,
    [INDEXED_TABLES],
  )) as { rows: TIndex[] };
  for (const index of rows) await db.query(`DROP INDEX "${index.name}"`);
  return rows;
}

/** Builds them again one after the other, timing each. */
export async function createIndexes(db: TSession, indexes: TIndex[], maintenanceWorkMem: string): Promise<TStep[]> {
  await db.query(`SET maintenance_work_mem = '${maintenanceWorkMem.replace(/[^0-9A-Za-z]/g, "")}'`);
  const steps: TStep[] = [];
  for (const index of indexes) {
    const started = performance.now();
    await db.query(index.definition);
    steps.push({ name: `${index.table}: ${index.name}`, seconds: (performance.now() - started) / 1000 });
  }
  await db.query(`RESET maintenance_work_mem`);
  return steps;
}
