import { describe, expect, it } from "vitest";
import type { TLabel } from "../labels/schemas";
import { removeLabel, upsertLabel } from "./labels";

const label = (id: string, name: string): TLabel => ({ id, name, color: "blue" });

describe("the labels cache", () => {
  it("puts a created or renamed label where the list's order (by name, any case) says", () => {
    const list = [label("1", "apple"), label("2", "Cherry")];
    expect(upsertLabel(list, label("3", "banana"))?.map((l) => l.name)).toEqual(["apple", "banana", "Cherry"]);
    expect(upsertLabel(list, label("1", "Zebra"))?.map((l) => l.id)).toEqual(["2", "1"]);
    expect(upsertLabel(undefined, label("3", "x"))).toBeUndefined();
  });

  it("takes a deleted label out", () => {
    expect(removeLabel([label("1", "a"), label("2", "b")], "1")).toEqual([label("2", "b")]);
  });
});
