import { describe, expect, it } from "vitest";
import type { TSlaPolicies, TSlaPolicy } from "../sla/schemas";
import { withPolicy } from "./sla-policies";

const policy = (accountId: string | null): TSlaPolicy => ({
  accountId,
  firstResponseMinutes: 30,
  nextResponseMinutes: null,
  resolutionMinutes: null,
  businessHoursOnly: false,
  updatedAt: "2026-01-13T10:00:00.000Z",
});
const data: TSlaPolicies = {
  defaultPolicy: null,
  accounts: [
    { accountId: "a", displayName: "A", hasBusinessHours: false, timeZone: "UTC", policy: null },
    { accountId: "b", displayName: "B", hasBusinessHours: true, timeZone: "UTC", policy: policy("b") },
  ],
};

describe("withPolicy", () => {
  it("puts a saved policy in its place and takes a removed one out", () => {
    expect(withPolicy(data, null, policy(null))?.defaultPolicy).toEqual(policy(null));
    const saved = withPolicy(data, "a", policy("a"));
    expect(saved?.accounts.map((a) => a.policy?.accountId ?? null)).toEqual(["a", "b"]);
    expect(withPolicy(data, "b", null)?.accounts[1]?.policy).toBeNull();
    expect(withPolicy(undefined, "a", null)).toBeUndefined();
  });
});
