import { describe, expect, it } from "vitest";
import { DEFAULT_BUSINESS_HOURS } from "../business-hours/schemas";
import { nextSlaDue, type TSlaClockInput } from "./next-due";

const at = (iso: string) => new Date(iso);
const policy = {
  firstResponseMinutes: 60,
  nextResponseMinutes: 30,
  resolutionMinutes: 24 * 60,
  businessHoursOnly: false,
};
const open: TSlaClockInput = {
  status: "OPEN",
  openedAt: at("2026-01-13T09:00:00Z"),
  firstResponseAt: null,
  waitingSince: at("2026-01-13T09:00:00Z"),
};

describe("nextSlaDue", () => {
  it("is the first response target from the opening while nobody answered", () => {
    expect(nextSlaDue(open, policy, null, "UTC")).toEqual({
      target: "FIRST_RESPONSE",
      dueAt: at("2026-01-13T10:00:00Z"),
      atRiskAt: at("2026-01-13T09:45:00Z"),
    });
  });

  it("is the next response target from the oldest unanswered message once answered", () => {
    const answered = { ...open, firstResponseAt: at("2026-01-13T09:20:00Z"), waitingSince: at("2026-01-13T11:00:00Z") };
    expect(nextSlaDue(answered, policy, null, "UTC")).toMatchObject({
      target: "NEXT_RESPONSE",
      dueAt: at("2026-01-13T11:30:00Z"),
    });
  });

  it("is the resolution target when nobody waits", () => {
    const answered = { ...open, firstResponseAt: at("2026-01-13T09:20:00Z"), waitingSince: null };
    expect(nextSlaDue(answered, policy, null, "UTC")).toMatchObject({
      target: "RESOLUTION",
      dueAt: at("2026-01-14T09:00:00Z"),
    });
  });

  it("takes the earliest target that applies", () => {
    // Resolution in 20 minutes comes before a first response in an hour.
    expect(nextSlaDue(open, { ...policy, resolutionMinutes: 20 }, null, "UTC")).toMatchObject({
      target: "RESOLUTION",
      dueAt: at("2026-01-13T09:20:00Z"),
    });
  });

  it("runs from the oldest unanswered message on rows without an opening time", () => {
    expect(nextSlaDue({ ...open, openedAt: null }, policy, null, "UTC")).toMatchObject({
      target: "FIRST_RESPONSE",
      dueAt: at("2026-01-13T10:00:00Z"),
    });
  });

  it("has none for snoozed or resolved conversations, without a policy, or without targets", () => {
    expect(nextSlaDue({ ...open, status: "RESOLVED" }, policy, null, "UTC")).toBeNull();
    expect(nextSlaDue({ ...open, status: "SNOOZED" }, policy, null, "UTC")).toBeNull();
    expect(nextSlaDue(open, null, null, "UTC")).toBeNull();
    const none = {
      firstResponseMinutes: null,
      nextResponseMinutes: null,
      resolutionMinutes: null,
      businessHoursOnly: false,
    };
    expect(nextSlaDue(open, none, null, "UTC")).toBeNull();
  });

  it("counts business minutes when the policy says so, around the clock when the account has no hours", () => {
    // Friday 16:30 in Amsterdam (15:30Z): 60 business minutes end Monday 09:30 local.
    const friday = { ...open, openedAt: at("2026-01-16T15:30:00Z"), waitingSince: at("2026-01-16T15:30:00Z") };
    const business = { ...policy, businessHoursOnly: true };
    expect(nextSlaDue(friday, business, DEFAULT_BUSINESS_HOURS, "Europe/Amsterdam")).toEqual({
      target: "FIRST_RESPONSE",
      dueAt: at("2026-01-19T08:30:00Z"),
      // 45 business minutes: 30 on Friday, 15 on Monday.
      atRiskAt: at("2026-01-19T08:15:00Z"),
    });
    expect(nextSlaDue(friday, business, null, "Europe/Amsterdam")).toMatchObject({
      dueAt: at("2026-01-16T16:30:00Z"),
    });
  });
});
