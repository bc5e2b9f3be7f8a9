import { describe, expect, it } from "vitest";
import { foldCustomers, type TFoldable } from "./fold-customers";

const at = (second: number) => new Date(`2026-01-10T13:05:${String(second).padStart(2, "0")}Z`);

interface TFixture extends TFoldable {
  label: string;
}

/** A customer's message with just what folding reads (`label` names it in assertions). */
function message(
  label: string,
  {
    customer = "acc-1:6100000000000001",
    second,
    name = null,
    username = null,
    handoverUntil = null,
  }: { customer?: string; second: number; name?: string | null; username?: string | null; handoverUntil?: Date | null },
): TFixture {
  return { label, customer, handoverUntil, mo: { timeUtc: at(second), username, from: { name } } };
}

describe("folding a batch's messages per customer", () => {
  it("gives nothing for no messages, and a lone message as it is", () => {
    expect(foldCustomers([])).toEqual([]);
    const only = message("only", { second: 1, name: "Jo", username: "jo.one" });
    expect(foldCustomers([only])).toEqual([
      { newest: only, oldest: at(1), name: "Jo", username: "jo.one", handover: null },
    ]);
  });

  it("keeps one entry per customer, in the order customers first appear", () => {
    const folded = foldCustomers([
      message("b1", { customer: "acc-1:B", second: 1 }),
      message("a1", { customer: "acc-1:A", second: 2 }),
      message("b2", { customer: "acc-1:B", second: 3 }),
      message("other account", { customer: "acc-2:B", second: 4 }),
    ]);
    expect(folded.map((c) => c.newest.label)).toEqual(["b2", "a1", "other account"]);
  });

  it("follows the newest message and waits from the oldest, whatever order they came in", () => {
    const folded = foldCustomers([
      message("middle", { second: 2 }),
      message("newest", { second: 3 }),
      message("oldest", { second: 1 }),
    ]);
    expect(folded).toHaveLength(1);
    expect(folded[0]?.newest.label).toBe("newest");
    expect(folded[0]?.oldest).toEqual(at(1));
  });

  it("takes the later one in the batch as the newest when two share a time", () => {
    const [customer] = foldCustomers([message("first", { second: 5 }), message("second", { second: 5 })]);
    expect(customer?.newest.label).toBe("second");
  });

  it("lets a later name or username win, and keeps an earlier one when a later message has none", () => {
    const [customer] = foldCustomers([
      message("1", { second: 3, name: "Jo", username: "jo.one" }),
      message("2", { second: 1, name: "Jo Later" }),
      message("3", { second: 2, name: "" }),
    ]);
    expect(customer).toMatchObject({ name: "Jo Later", username: "jo.one" });
    const [nameless] = foldCustomers([message("1", { second: 1, name: "" }), message("2", { second: 2 })]);
    expect(nameless).toMatchObject({ name: null, username: null });
  });

  it("keeps the latest end of a handover asked for, and none when nobody asked", () => {
    const [customer] = foldCustomers([
      message("1", { second: 1, handoverUntil: at(50) }),
      message("2", { second: 2, handoverUntil: at(40) }),
      message("3", { second: 3 }),
    ]);
    expect(customer?.handover).toEqual(at(50));
    expect(foldCustomers([message("1", { second: 1 }), message("2", { second: 2 })])[0]?.handover).toBeNull();
  });
});
