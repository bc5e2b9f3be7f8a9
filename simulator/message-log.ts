import type { TCmSendMessage } from "../lib/cm/schemas/send-request";
import type { TInstagramTruncation } from "../lib/cm/validate-instagram-message";

// Every message the simulated gateway accepted, as Instagram would show it (labels truncated).

export type TRecordedMessage = {
  id: number;
  receivedAt: string;
  account: { igAccountId: string; name: string | null };
  reference: string | null;
  /** Recipients whose copy was accepted. */
  to: string[];
  /** The parsed request msg with Instagram's truncations applied. */
  msg: TCmSendMessage;
  truncations: TInstagramTruncation[];
};

export type TMessageFilter = { to?: string; reference?: string; since?: Date };

export type TMessageLog = {
  add(entry: Omit<TRecordedMessage, "id" | "receivedAt">): TRecordedMessage;
  list(filter?: TMessageFilter): TRecordedMessage[];
  /** The most recent message to a customer from an account: what a reply would refer to. */
  lastTo(igAccountId: string, recipient: string): TRecordedMessage | undefined;
  clear(): void;
};

export function createMessageLog(now: () => Date = () => new Date()): TMessageLog {
  let entries: TRecordedMessage[] = [];
  let nextId = 1;
  return {
    add(entry) {
      const recorded = { ...entry, id: nextId++, receivedAt: now().toISOString() };
      entries.push(recorded);
      return recorded;
    },
    list(filter = {}) {
      return entries.filter(
        (e) =>
          (filter.to === undefined || e.to.includes(filter.to)) &&
          (filter.reference === undefined || e.reference === filter.reference) &&
          (filter.since === undefined || new Date(e.receivedAt) >= filter.since),
      );
    },
    lastTo(igAccountId, recipient) {
      return entries.findLast((e) => e.account.igAccountId === igAccountId && e.to.includes(recipient));
    },
    clear() {
      entries = [];
    },
  };
}
