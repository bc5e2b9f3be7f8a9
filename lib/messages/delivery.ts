// Delivery state of our outbound messages, as pure rules. A message moves forward only:
// QUEUED → SENDING → ACCEPTED → DELIVERED, or to FAILED (or CANCELLED by an agent while queued). Status reports arrive twice, late, out of
// order, or before the send call returned (FORMATS.md §7), so each one is judged against the
// state we hold instead of being applied blindly.

export type TDeliveryStatus = "RECEIVED" | "QUEUED" | "SENDING" | "ACCEPTED" | "DELIVERED" | "FAILED" | "CANCELLED";
export type TReportedStatus = "accepted" | "delivered" | "failed";

const RANK: Record<TDeliveryStatus, number> = {
  RECEIVED: 0,
  QUEUED: 0,
  SENDING: 0,
  ACCEPTED: 1,
  DELIVERED: 2,
  FAILED: 2,
  CANCELLED: 2,
};

export interface TDeliveryState {
  status: TDeliveryStatus;
  /** A FAILED we concluded ourselves (timeout, network): CM may have accepted it after all. */
  retryable: boolean;
}

/**
 * The state after a status report, or null when the report changes nothing (a duplicate, a
 * late "accepted" after "delivered", or anything after a final state).
 */
export function applyStatusReport(current: TDeliveryState, reported: TReportedStatus): TDeliveryStatus | null {
  const next: TDeliveryStatus =
    reported === "accepted" ? "ACCEPTED" : reported === "delivered" ? "DELIVERED" : "FAILED";
  if (current.status === "RECEIVED") return null;
  // Our own uncertain failure is overruled by CM saying it got the message; so is a cancel of
  // a retry whose earlier try CM had received after all: the customer has it.
  if (((current.status === "FAILED" && current.retryable) || current.status === "CANCELLED") && next !== "FAILED") {
    return next;
  }
  return RANK[next] > RANK[current.status] ? next : null;
}

/** The state after CM answered our send call, given what reports may already have said. */
export function applySendOutcome(current: TDeliveryState, outcome: TDeliveryStatus): TDeliveryStatus | null {
  if (current.status !== "SENDING" && !(current.status === "FAILED" && current.retryable)) {
    // An early report already moved it on (e.g. delivered before the send call returned).
    return outcome === "FAILED" && current.status === "ACCEPTED"
      ? null
      : RANK[outcome] > RANK[current.status]
        ? outcome
        : null;
  }
  return outcome;
}
