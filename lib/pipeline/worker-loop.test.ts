import { describe, expect, it } from "vitest";
import { startWorkerLoop } from "./worker-loop";

describe("worker loop", () => {
  it("runs again at once while there is work, sleeps when idle, and wakes on demand", async () => {
    let rounds = 0;
    let work = 3;
    const worker = startWorkerLoop({
      name: "test",
      idleMs: 60_000,
      tick: async () => {
        rounds++;
        if (work === 0) return false;
        work--;
        return true;
      },
    });
    await expect.poll(() => rounds).toBe(4);
    work = 1;
    worker.wake();
    await expect.poll(() => rounds).toBe(6);
    await worker.stop();
  });

  it("keeps going after a failed round, and logs without throwing", async () => {
    const lines: string[] = [];
    let rounds = 0;
    const worker = startWorkerLoop({
      name: "flaky",
      idleMs: 60_000,
      errorBackoffMs: 1,
      log: (line) => lines.push(line),
      tick: async () => {
        rounds++;
        if (rounds < 3) throw new Error("database is down");
        return false;
      },
    });
    await expect.poll(() => rounds).toBe(3);
    expect(lines).toEqual(["flaky: round failed (1×), retrying: database is down"]);
    await worker.stop();
  });
});
