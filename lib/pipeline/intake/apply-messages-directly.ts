import pg from "pg";
import { preparedName } from "../../db/prepared";
import { noEffects } from "../../effects/inbox-effects";
import { applyInboundMessages, type TInboundItem, type TQuery } from "./apply-inbound-message";
import { claimWebhooks } from "./claim-webhooks";
import { parseStoredUnit } from "./parse-webhook";
import type { TIntakeRound } from "./process-webhooks";

// pg reads `timestamp` (without time zone) in the process's local zone; ours are UTC.
const TIMESTAMP_OID = 1114;
export const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/**
 * The hot path of intake on PostgreSQL: a round of customers' messages only, straight on the
 * driver (BEGIN, claim, apply, COMMIT: four round trips and no ORM machinery, which was a
 * fifth of the server's CPU in profiles). The claim is the general one's, messages only: a
 * customer's messages up to their first pending webhook of another kind, which the general
 * round (process-webhooks.ts) applies. Anything unexpected throws, and the caller
 * falls back to the general round, which retries and records failures.
 */
export async function applyMessagesDirectly(
  pool: pg.Pool,
  { now, limit }: { now: Date; limit: number },
): Promise<TIntakeRound> {
  const client = await pool.connect();
  const query: TQuery = async <T>(text: string, values: unknown[]) =>
    (await client.query({ name: preparedName(text), text, values, types })).rows as T[];
  try {
    await client.query("BEGIN");
    const claimed = await claimWebhooks(query, { now, limit, messagesOnly: true });
    const round: TIntakeRound = { claimed: claimed.length, applied: 0, waiting: 0, failed: 0, effects: noEffects() };
    if (claimed.length > 0) {
      // As in the general round: stored durably before, effect and DONE mark lost together.
      await client.query("SET LOCAL synchronous_commit = off");
      const items: TInboundItem[] = [];
      for (const webhook of claimed) {
        if (!webhook.accountId || !webhook.igAccountId) throw new Error("account removed: general round");
        const unit = parseStoredUnit(webhook, { id: webhook.accountId, igAccountId: webhook.igAccountId });
        if (unit?.kind !== "MESSAGE") throw new Error("not a message: general round");
        items.push({ accountId: webhook.accountId, mo: unit.mo, dedupeKey: unit.dedupeKey, replaced: unit.replaced });
      }
      await applyInboundMessages(
        query,
        items,
        now,
        round.effects,
        claimed.map((w) => w.id),
      );
      round.applied = claimed.length;
    }
    await client.query("COMMIT");
    return round;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
