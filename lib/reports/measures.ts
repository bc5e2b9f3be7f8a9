import { businessSeconds, elapsedSeconds } from "../business-hours/business-seconds";
import type { TAccountClock } from "../business-hours/schemas";

// The measures of issue 19, defined once. Each fact that happens to a conversation (a customer
// message, an agent's reply, an automatic message, a change of status, an assignment) is handed
// to one pure function with the conversation's state before it; the function says which report
// facts (ReportEvent rows) it yields and the state after it. The domain records exactly these
// facts in the transaction of the change; the backfill migration computes the same in SQL and its
// test checks it against `replayTimeline`. The README's "Reports: what each measure means" says
// the same in plain words.

/** What a conversation must remember between facts (the Conversation columns of the same names). */
export interface TMeasureState {
  status: "OPEN" | "SNOOZED" | "RESOLVED";
  /** The customer's first message of the current opening (or an agent's reopening); null: never opened. */
  openedAt: Date | null;
  /** The first agent reply of the current opening; null: none yet. */
  firstResponseAt: Date | null;
  /** The customer's oldest message no agent has answered yet; null: nobody waits. */
  waitingSince: Date | null;
}

/** The account's clock: measures are kept around the clock and in its business hours. */
/** The account's clock every time is measured by (lib/business-hours/schemas.ts). */
export type TReportClock = TAccountClock;

export type TReportFactKind =
  "OPENED" | "REOPENED" | "MESSAGE_IN" | "MESSAGE_OUT" | "FIRST_RESPONSE" | "REPLY" | "RESOLVED" | "ASSIGNED";

/** One ReportEvent row to write (account, conversation and labels are added by who writes it). */
export interface TReportFact {
  kind: TReportFactKind;
  at: Date;
  agentId: string | null;
  /** Whole seconds measured, around the clock; null for facts that measure no time. */
  seconds: number | null;
  /** The same span counted only in the account's business hours. */
  businessSeconds: number | null;
}

export interface TMeasureStep {
  facts: TReportFact[];
  state: TMeasureState;
}

/** A conversation that never had a customer message (the state a new row starts in). */
export const NEW_CONVERSATION: TMeasureState = {
  status: "OPEN",
  openedAt: null,
  firstResponseAt: null,
  waitingSince: null,
};

const fact = (kind: TReportFactKind, at: Date, agentId: string | null): TReportFact => ({
  kind,
  at,
  agentId,
  seconds: null,
  businessSeconds: null,
});

/** A fact that measures the time from `since` to its own time. */
function timed(kind: TReportFactKind, at: Date, agentId: string | null, since: Date, clock: TReportClock) {
  return { kind, at, agentId, seconds: elapsedSeconds(since, at), businessSeconds: businessSeconds(since, at, clock) };
}

/**
 * The customer wrote. Every message is MESSAGE_IN; the first message ever OPENS the
 * conversation, and a message to a resolved or snoozed one REOPENS it: a new opening starts at
 * this message (first response and resolution run from it), and the customer waits.
 */
export function eventsForCustomerMessage(state: TMeasureState, { at }: { at: Date }): TMeasureStep {
  const opens = state.openedAt === null;
  const reopens = !opens && state.status !== "OPEN";
  const facts = [fact("MESSAGE_IN", at, null)];
  if (opens) facts.unshift(fact("OPENED", at, null));
  if (reopens) facts.unshift(fact("REOPENED", at, null));
  return {
    facts,
    state: {
      status: "OPEN",
      openedAt: opens || reopens ? at : state.openedAt,
      firstResponseAt: opens || reopens ? null : state.firstResponseAt,
      waitingSince: state.waitingSince ?? at,
    },
  };
}

/**
 * An agent replied (a message to the customer, not a note nor a system line). MESSAGE_OUT for
 * the agent; FIRST_RESPONSE when it is the first reply of the opening (seconds since the
 * opening's first customer message); REPLY when the customer was waiting (seconds since their
 * oldest unanswered message). The customer no longer waits.
 */
export function eventsForAgentReply(
  state: TMeasureState,
  { at, agentId }: { at: Date; agentId: string },
  clock: TReportClock,
): TMeasureStep {
  const facts = [fact("MESSAGE_OUT", at, agentId)];
  const first = state.openedAt !== null && state.firstResponseAt === null;
  if (first && state.openedAt) facts.push(timed("FIRST_RESPONSE", at, agentId, state.openedAt, clock));
  if (state.waitingSince) facts.push(timed("REPLY", at, agentId, state.waitingSince, clock));
  return {
    facts,
    state: { ...state, firstResponseAt: first ? at : state.firstResponseAt, waitingSince: null },
  };
}

/** A message sent by the inbox itself (a survey): counted out, answers nobody's wait. */
export function eventsForAutomaticMessage(state: TMeasureState, { at }: { at: Date }): TMeasureStep {
  return { facts: [fact("MESSAGE_OUT", at, null)], state };
}

/**
 * An agent changed the status. RESOLVED measures the opening (seconds since it began) and counts
 * for the agent. Reopening by an agent is REOPENED and starts an opening with nobody's first
 * message to answer: no first response is measured for it. A snooze yields nothing (the
 * customer's next message reopens it; waking by itself yields nothing either).
 */
export function eventsForStatusChange(
  state: TMeasureState,
  { at, agentId, status }: { at: Date; agentId: string | null; status: TMeasureState["status"] },
  clock: TReportClock,
): TMeasureStep {
  if (status === state.status) return { facts: [], state };
  if (status === "RESOLVED") {
    const resolved = state.openedAt
      ? timed("RESOLVED", at, agentId, state.openedAt, clock)
      : fact("RESOLVED", at, agentId);
    return { facts: [resolved], state: { ...state, status } };
  }
  if (status === "OPEN" && state.status === "RESOLVED") {
    return {
      facts: [fact("REOPENED", at, agentId)],
      state: { ...state, status, openedAt: at, firstResponseAt: at },
    };
  }
  return { facts: [], state: { ...state, status } };
}

/** Given to an agent (or to nobody: agentId null). The measures' state does not change. */
export function eventsForAssignment({ at, agentId }: { at: Date; agentId: string | null }): TReportFact[] {
  return [fact("ASSIGNED", at, agentId)];
}
