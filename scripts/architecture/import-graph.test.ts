import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { findCycles, readImportGraph } from "./import-graph";

const ROOT = resolve(import.meta.dirname, "../..");

describe("the import graph", () => {
  it("has no cycle in app/, components/, lib/ and server.ts", () => {
    const graph = readImportGraph(ROOT);
    // Enough files read that an empty graph cannot pass for a clean one.
    expect(graph.size).toBeGreaterThan(300);
    expect(graph.get("lib/http/route.ts")).toContain("lib/realtime/server/announce.ts");
    expect(findCycles(graph)).toEqual([]);
  });

  it("finds a cycle of any length, and an import of itself, each once", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts", "d.ts"]],
      ["d.ts", []],
      ["e.ts", ["e.ts"]],
    ]);
    expect(findCycles(graph)).toEqual([["a.ts", "b.ts", "c.ts"], ["e.ts"]]);
  });
});
