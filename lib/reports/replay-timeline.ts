import {
  NEW_CONVERSATION,
  eventsForAgentReply,
  eventsForAssignment,
  eventsForAutomaticMessage,
  eventsForCustomerMessage,
  eventsForStatusChange,
  type TMeasureState,
  type TMeasureStep,
  type TReportClock,
  type TReportFact,
} from "./measures";

/** One thing that happened to a conversation, in the order it happened. */
export type TTimelineEntry =
  | { type: "customer"; at: Date }
  | { type: "agent"; at: Date; agentId: string }
  | { type: "automatic"; at: Date }
  | { type: "status"; at: Date; agentId: string | null; status: TMeasureState["status"] }
  | { type: "assigned"; at: Date; agentId: string | null };

function step(state: TMeasureState, entry: TTimelineEntry, clock: TReportClock): TMeasureStep {
  switch (entry.type) {
    case "customer":
      return eventsForCustomerMessage(state, entry);
    case "agent":
      return eventsForAgentReply(state, entry, clock);
    case "automatic":
      return eventsForAutomaticMessage(state, entry);
    case "status":
      return eventsForStatusChange(state, entry, clock);
    case "assigned":
      return { facts: eventsForAssignment(entry), state };
  }
}

/**
 * Every report fact of a conversation's whole timeline, and its state at the end: what the
 * domain records one fact at a time, and what the backfill migration must produce at once.
 */
export function replayTimeline(
  timeline: readonly TTimelineEntry[],
  clock: TReportClock,
): { facts: TReportFact[]; state: TMeasureState } {
  let state = NEW_CONVERSATION;
  const facts: TReportFact[] = [];
  for (const entry of timeline) {
    const next = step(state, entry, clock);
    facts.push(...next.facts);
    state = next.state;
  }
  return { facts, state };
}
