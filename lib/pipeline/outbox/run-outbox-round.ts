import { oneLine } from "../../errors-one-line";
import { noEffects, type TEffects } from "../../server/webhooks/effects";
import { claimDueSends } from "./claim-due-sends";
import type { TOutbox } from "./outbox-deps";
import { sendClaimed } from "./send-claimed";
import { log } from "../../log/logger";
import { metrics } from "../../metrics/metrics";

/**
 * One round of the outbox: claim what is due (at most one reply per conversation), send the
 * claims side by side with bounded concurrency, and announce every state change (claimed →
 * "Sending…", then the outcome) through `emit`, which reaches every agent on every instance.
 * Resolves true when it sent anything, so the worker looks again at once.
 */
export async function runOutboxRound(outbox: TOutbox, emit: (effects: TEffects) => void): Promise<boolean> {
  const claimed = await claimDueSends(outbox, outbox.options.batchSize);
  if (claimed.length === 0) return false;
  for (const c of claimed.filter((c) => c.tookOver)) {
    metrics().sendTakenOver();
    log().warn(
      { messageId: c.view.id, accountId: c.account.id },
      "outbox: took over a send (its worker stopped before finishing it)",
    );
  }
  const sending = noEffects();
  for (const c of claimed) {
    sending.updatedMessages.push(c.view);
    sending.accounts.set(c.conversationId, c.account.id);
  }
  emit(sending);

  const queue = [...claimed];
  const lane = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      try {
        emit(await sendClaimed(outbox, next));
      } catch (error) {
        // Recording failed (database away): the claim runs out and another round takes it over.
        log().error(
          { messageId: next.view.id, accountId: next.account.id },
          `outbox: could not record the send: ${oneLine(error)}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(outbox.options.concurrency, claimed.length) }, lane));
  return true;
}
