import type { TInboundRowInput } from "./inbound-message";

/** What folding needs of a message (a TInboundRowInput): tests pass just this. */
export type TFoldable = Pick<TInboundRowInput, "customer" | "handoverUntil"> & {
  mo: Pick<TInboundRowInput["mo"], "timeUtc" | "username"> & { from: { name: string | null } };
};

/** One customer of a batch: their contact's and conversation's new values. */
export interface TFoldedCustomer<T extends TFoldable> {
  /** Their newest message: the list's time and preview follow it. */
  newest: T;
  /** Their oldest message's time: they wait for an answer from then on. */
  oldest: Date;
  name: string | null;
  username: string | null;
  /** The latest end of a handover asked for in the batch, if any. */
  handover: Date | null;
}

/**
 * Folds a batch's messages into one entry per customer, in the order customers first appear:
 * PostgreSQL refuses to update a row twice in one statement, so each contact and conversation
 * is upserted once with what all of that customer's messages say. Webhooks arrive out of
 * order, and the result is the same in any order, except where messages tie or disagree:
 * later in the batch = arrived later, so its name wins, and it is the newest on a tie.
 */
export function foldCustomers<T extends TFoldable>(messages: readonly T[]): TFoldedCustomer<T>[] {
  const customers = new Map<string, TFoldedCustomer<T>>();
  for (const m of messages) {
    const seen = customers.get(m.customer);
    customers.set(m.customer, {
      newest: !seen || m.mo.timeUtc >= seen.newest.mo.timeUtc ? m : seen.newest,
      oldest: !seen || m.mo.timeUtc < seen.oldest ? m.mo.timeUtc : seen.oldest,
      name: m.mo.from.name || seen?.name || null,
      username: m.mo.username || seen?.username || null,
      handover:
        m.handoverUntil && (!seen?.handover || m.handoverUntil > seen.handover)
          ? m.handoverUntil
          : (seen?.handover ?? null),
    });
  }
  return [...customers.values()];
}
