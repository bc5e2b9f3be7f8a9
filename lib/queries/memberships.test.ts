import { describe, expect, it } from "vitest";
import { applyMembership, isMember } from "./memberships";

const rows = [
  { accountId: "shop", userId: "sam" },
  { accountId: "shop", userId: "kim" },
];

describe("membership cache updaters", () => {
  it("adds a membership once, and removes only the one named", () => {
    const added = applyMembership(rows, { accountId: "other", userId: "sam", member: true });
    expect(added).toEqual([...rows, { accountId: "other", userId: "sam" }]);
    expect(applyMembership(added, { accountId: "other", userId: "sam", member: true })).toBe(added);

    const removed = applyMembership(added, { accountId: "shop", userId: "sam", member: false });
    expect(removed).toEqual([
      { accountId: "shop", userId: "kim" },
      { accountId: "other", userId: "sam" },
    ]);
    expect(isMember(removed, "shop", "sam")).toBe(false);
    expect(isMember(removed, "other", "sam")).toBe(true);
  });

  it("leaves a list not loaded yet alone", () => {
    expect(applyMembership(undefined, { accountId: "shop", userId: "sam", member: true })).toBeUndefined();
    expect(isMember(undefined, "shop", "sam")).toBe(false);
  });
});
