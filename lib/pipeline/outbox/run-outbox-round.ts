import { oneLine } from "../../errors-one-line";
import { noEffects, type TEffects } from "../../effects/inbox-effects";
import { claimDueSends, type TClaimedSend } from "./claim-due-sends";
import type { TOutbox } from "./outbox-deps";
import { releaseClaims } from "./release-claims";
import { sendClaimed } from "./send-claimed";
import { log } from "../../log/logger";
import { metrics } from "../../metrics/metrics";

/**
 * One round of the outbox: claim what is due (at most one reply per conversation), send the
 * claims side by side with bounded concurrency, and announce every state change (claimed →
 * "Sending…", then the outcome) through `emit`, which reaches every agent on every instance.
 * Resolves true when it sent anything, so the worker looks again at once.
 *
 * Once `stopping` is aborted (a graceful stop), sends already handed to CM finish and are
 * recorded (a reply in flight reaches CM once), and the claims not yet started are handed back
 * (release-claims.ts): another instance sends them now, not when this round's lease runs out.
 */
export async function runOutboxRound(
  outbox: TOutbox,
  emit: (effects: TEffects) => void,
  stopping?: AbortSignal,
): Promise<boolean> {
  if (stopping?.aborted) return false;
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
    while (!stopping?.aborted) {
      const next = queue.shift();
      if (!next) return;
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
  if (queue.length) await handBack(outbox, queue, emit);
  return true;
}

async function handBack(outbox: TOutbox, unsent: TClaimedSend[], emit: (effects: TEffects) => void): Promise<void> {
  try {
    const released = noEffects();
    for (const view of await releaseClaims(outbox, unsent)) {
      released.updatedMessages.push(view);
      const claim = unsent.find((c) => c.view.id === view.id);
      if (claim) released.accounts.set(claim.conversationId, claim.account.id);
    }
    emit(released);
  } catch (error) {
    // The database is away: the leases run out and another instance takes the sends over then.
    console.error(`outbox: could not hand back ${unsent.length} unsent claim(s): ${oneLine(error)}`);
  }
}
