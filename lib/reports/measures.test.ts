import { describe, expect, it } from "vitest";
import { DEFAULT_BUSINESS_HOURS } from "../business-hours/schemas";
import type { TReportFact } from "./measures";
import { replayTimeline, type TTimelineEntry } from "./replay-timeline";

// Fixed timelines in March 2026 (Monday 2 March … Friday 6, Monday 9). The account works Monday
// to Friday, 9 to 5, in UTC unless a test says otherwise.
const clock = { timeZone: "UTC", businessHours: DEFAULT_BUSINESS_HOURS };
const at = (day: number, time: string) => new Date(`2026-03-${String(day).padStart(2, "0")}T${time}:00Z`);
const customer = (day: number, time: string): TTimelineEntry => ({ type: "customer", at: at(day, time) });
const agent = (day: number, time: string, agentId: string): TTimelineEntry => ({
  type: "agent",
  at: at(day, time),
  agentId,
});
const status = (day: number, time: string, s: "OPEN" | "SNOOZED" | "RESOLVED", agentId: string | null = "ana") => ({
  type: "status" as const,
  at: at(day, time),
  agentId,
  status: s,
});

/** Facts as short lines, easy to read in a failing test. */
const lines = (facts: TReportFact[]) =>
  facts.map(
    (f) =>
      `${f.kind} ${f.at.toISOString().slice(8, 16)}` +
      (f.agentId ? ` ${f.agentId}` : "") +
      (f.seconds === null ? "" : ` ${f.seconds}/${f.businessSeconds}`),
  );

describe("the measures of a conversation's timeline", () => {
  it("opens on the first message, measures the first response, each reply's wait and the resolution", () => {
    const { facts, state } = replayTimeline(
      [
        customer(2, "09:00"),
        customer(2, "09:05"),
        agent(2, "09:20", "ana"),
        customer(2, "09:30"),
        agent(2, "10:00", "ben"),
        agent(2, "10:01", "ben"),
        status(2, "11:00", "RESOLVED"),
      ],
      clock,
    );
    expect(lines(facts)).toEqual([
      "OPENED 02T09:00",
      "MESSAGE_IN 02T09:00",
      "MESSAGE_IN 02T09:05",
      "MESSAGE_OUT 02T09:20 ana",
      // From the opening's first message, and the wait of the oldest unanswered one: both 20 min.
      "FIRST_RESPONSE 02T09:20 ana 1200/1200",
      "REPLY 02T09:20 ana 1200/1200",
      "MESSAGE_IN 02T09:30",
      "MESSAGE_OUT 02T10:00 ben",
      "REPLY 02T10:00 ben 1800/1800",
      // A second reply in a row answers nobody's wait.
      "MESSAGE_OUT 02T10:01 ben",
      "RESOLVED 02T11:00 ana 7200/7200",
    ]);
    expect(state).toEqual({
      status: "RESOLVED",
      openedAt: at(2, "09:00"),
      firstResponseAt: at(2, "09:20"),
      waitingSince: null,
    });
  });

  it("reopens when the customer writes to a resolved conversation: a new opening with its own first response", () => {
    const { facts } = replayTimeline(
      [
        customer(2, "09:00"),
        agent(2, "09:10", "ana"),
        status(2, "09:30", "RESOLVED"),
        customer(3, "08:00"),
        agent(3, "09:30", "ben"),
        status(3, "10:00", "RESOLVED", "ben"),
      ],
      clock,
    );
    expect(lines(facts).slice(6)).toEqual([
      "REOPENED 03T08:00",
      "MESSAGE_IN 03T08:00",
      "MESSAGE_OUT 03T09:30 ben",
      // 90 minutes of waiting, 30 of them in business hours (from 09:00).
      "FIRST_RESPONSE 03T09:30 ben 5400/1800",
      "REPLY 03T09:30 ben 5400/1800",
      "RESOLVED 03T10:00 ben 7200/3600",
    ]);
  });

  it("measures a wait across a weekend in business hours, and around the clock", () => {
    const { facts } = replayTimeline([customer(6, "16:30"), agent(9, "09:30", "ana")], clock);
    expect(lines(facts).filter((l) => l.startsWith("REPLY "))).toEqual(["REPLY 09T09:30 ana 234000/3600"]);
  });

  it("measures business hours on the account's own clock across Amsterdam's change to summer time", () => {
    const amsterdam = { timeZone: "Europe/Amsterdam", businessHours: DEFAULT_BUSINESS_HOURS };
    // Friday 27 March 16:30 CET → Monday 30 March 09:30 CEST: half an hour each side.
    const { facts } = replayTimeline(
      [
        { type: "customer", at: new Date("2026-03-27T15:30:00Z") },
        { type: "agent", at: new Date("2026-03-30T07:30:00Z"), agentId: "ana" },
      ],
      amsterdam,
    );
    expect(facts.find((f) => f.kind === "FIRST_RESPONSE")).toMatchObject({ seconds: 230400, businessSeconds: 3600 });
  });

  it("does not count an automatic message as a response", () => {
    const { facts } = replayTimeline(
      [customer(2, "10:00"), { type: "automatic", at: at(2, "10:01") }, agent(2, "10:10", "ana")],
      clock,
    );
    expect(lines(facts)).toEqual([
      "OPENED 02T10:00",
      "MESSAGE_IN 02T10:00",
      "MESSAGE_OUT 02T10:01",
      "MESSAGE_OUT 02T10:10 ana",
      "FIRST_RESPONSE 02T10:10 ana 600/600",
      "REPLY 02T10:10 ana 600/600",
    ]);
  });

  it("reopens a snoozed conversation the customer writes to, but not one that wakes by itself", () => {
    const { facts } = replayTimeline(
      [
        customer(2, "10:00"),
        agent(2, "10:05", "ana"),
        status(2, "10:06", "SNOOZED"),
        status(3, "10:06", "OPEN", null),
        status(3, "11:00", "SNOOZED"),
        customer(3, "12:00"),
      ],
      clock,
    );
    expect(lines(facts).slice(5)).toEqual(["REOPENED 03T12:00", "MESSAGE_IN 03T12:00"]);
  });

  it("counts an agent's reopening for them, with no first response to wait for", () => {
    const { facts, state } = replayTimeline(
      [
        customer(2, "10:00"),
        agent(2, "10:05", "ana"),
        status(2, "10:10", "RESOLVED"),
        status(2, "11:00", "OPEN", "ben"),
        agent(2, "11:05", "ben"),
        status(2, "11:30", "RESOLVED", "ben"),
      ],
      clock,
    );
    expect(lines(facts).slice(6)).toEqual([
      "REOPENED 02T11:00 ben",
      "MESSAGE_OUT 02T11:05 ben",
      "RESOLVED 02T11:30 ben 1800/1800",
    ]);
    expect(state.openedAt).toEqual(at(2, "11:00"));
  });

  it("records assignments, to an agent and to nobody", () => {
    const { facts } = replayTimeline(
      [
        customer(2, "10:00"),
        { type: "assigned", at: at(2, "10:01"), agentId: "ana" },
        { type: "assigned", at: at(2, "10:02"), agentId: null },
      ],
      clock,
    );
    expect(lines(facts).slice(2)).toEqual(["ASSIGNED 02T10:01 ana", "ASSIGNED 02T10:02"]);
  });
});
