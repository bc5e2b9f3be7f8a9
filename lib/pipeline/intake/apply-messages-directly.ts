import type pg from "pg";
import { applyStoredMessages } from "./apply-stored-messages";
import { claimWebhooks } from "./claim-webhooks";
import type { TInboundItem } from "./inbound-message";
import { emptyRound, type TIntakeRound } from "./intake-round";
import { parseStoredUnit } from "./parse-webhook";
import { driverQuery } from "./query";
import { surveyAnswerKeys } from "./survey-answer-items";

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
  const query = driverQuery(client);
  try {
    await client.query("BEGIN");
    const claimed = await claimWebhooks(query, { now, limit, messagesOnly: true });
    const round = emptyRound(claimed.length);
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
      if (surveyAnswerKeys(items).length > 0) throw new Error("a survey's answer: general round");
      await applyStoredMessages(query, { items, webhookIds: claimed.map((w) => w.id), now, effects: round.effects });
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
