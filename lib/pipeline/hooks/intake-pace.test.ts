import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cpuIdleSampler, createIntakePace, type TIntakePace, type TPaceMode } from "./intake-pace";

// The outgoing webhooks' turn: they wait while the intake is busy and the CPU has no room.

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Resolves `turn()` while advancing the fake clock: how long it took (ms of fake time), and its mode. */
async function turnOutcome(turn: Promise<TPaceMode>): Promise<{ waited: number; mode: TPaceMode | undefined }> {
  const started = Date.now();
  let mode: TPaceMode | undefined;
  void turn.then((value) => (mode = value));
  await vi.advanceTimersByTimeAsync(0);
  for (let i = 0; i < 1_000 && mode === undefined; i++) await vi.advanceTimersByTimeAsync(50);
  expect(mode).toBeDefined();
  return { waited: Date.now() - started, mode };
}

/** A pace whose intake takes a webhook every 10 ms, the CPU as `idle()` says, looked at for a second first. */
async function busyPace(idle: () => number, options: { maxWaitMs?: number } = {}) {
  const pace = createIntakePace({ idleShare: idle, ...options });
  pace.noteWebhook();
  const webhooks = setInterval(() => pace.noteWebhook(), 10);
  // The smoothed share learns the CPU: rounds asking (and getting no turn) for a second.
  const warmedUntil = Date.now() + 1_000;
  void pace.turn(() => Date.now() > warmedUntil);
  await vi.advanceTimersByTimeAsync(1_100);
  return { pace, stop: () => clearInterval(webhooks) };
}

/** Five rounds asking at once: when each went (ms of fake time), the gaps between them; each in `mode`. */
async function fiveRounds(pace: TIntakePace, mode: TPaceMode) {
  const started = Date.now();
  const wentAt: number[] = [];
  const rounds = Array.from({ length: 5 }, () =>
    pace.turn().then((went) => {
      expect(went).toBe(mode);
      wentAt.push(Date.now() - started);
    }),
  );
  for (let i = 0; i < 400 && wentAt.length < 5; i++) await vi.advanceTimersByTimeAsync(50);
  await Promise.all(rounds);
  return { wentAt, gaps: wentAt.slice(1).map((at, i) => at - wentAt[i]!) };
}

describe("createIntakePace", () => {
  it("lets a full round go at once while the intake is quiet, however busy the CPU", async () => {
    const pace = createIntakePace({ idleShare: () => 0 });
    expect(await turnOutcome(pace.turn())).toEqual({ waited: 0, mode: "quiet" });
    pace.noteWebhook();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await turnOutcome(pace.turn())).toEqual({ waited: 0, mode: "quiet" });
  });

  it("lets a smaller round go at once while webhooks come in but the CPU has room", async () => {
    const { pace, stop } = await busyPace(() => 0.7);
    expect(await turnOutcome(pace.turn())).toEqual({ waited: 0, mode: "spare" });
    stop();
  });

  it("holds a round while webhooks come in and the CPU is busy, until it has had room for a while", async () => {
    let idle = 0.05;
    const { pace, stop } = await busyPace(() => idle);
    setTimeout(() => (idle = 0.9), 1_500);
    const { waited, mode } = await turnOutcome(pace.turn());
    stop();
    expect(mode).toBe("spare");
    // Not the first idle moment: the smoothed share needs a few looks to cross one half.
    expect(waited).toBeGreaterThanOrEqual(1_700);
    expect(waited).toBeLessThan(2_500);
  });

  it("does not let one idle moment in a burst count as room", async () => {
    let idle = 0.05;
    const { pace, stop } = await busyPace(() => idle);
    setTimeout(() => (idle = 1), 500);
    setTimeout(() => (idle = 0.05), 600);
    const { waited, mode } = await turnOutcome(pace.turn());
    stop();
    expect({ waited, mode }).toEqual({ waited: 5_000, mode: "pressed" });
  });

  it("lets the round go, full, once the intake has been quiet for a second", async () => {
    const { pace, stop } = await busyPace(() => 0);
    stop();
    const { waited, mode } = await turnOutcome(pace.turn());
    expect(mode).toBe("quiet");
    expect(waited).toBeLessThanOrEqual(1_000);
  });

  it("never holds a round longer than maxWaitMs under steady load, and says the intake still presses", async () => {
    const { pace, stop } = await busyPace(() => 0.3, { maxWaitMs: 5_000 });
    const outcome = await turnOutcome(pace.turn());
    stop();
    expect(outcome).toEqual({ waited: 5_000, mode: "pressed" });
  });

  it("lets smaller rounds go one at a time while webhooks come in, spareGapMs apart", async () => {
    const { pace, stop } = await busyPace(() => 0.9);
    const { wentAt, gaps } = await fiveRounds(pace, "spare");
    stop();
    expect(wentAt[0]).toBe(0);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(50);
    expect(wentAt.at(-1)).toBeLessThanOrEqual(300);
  });

  it("lets held rounds go one at a time, two seconds apart, not all at once", async () => {
    const { pace, stop } = await busyPace(() => 0.1, { maxWaitMs: 5_000 });
    const { wentAt, gaps } = await fiveRounds(pace, "pressed");
    stop();
    expect(wentAt[0]).toBeGreaterThanOrEqual(5_000);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(2_000);
    expect(wentAt.at(-1)).toBeLessThanOrEqual(13_200);
  });

  it("lets a held round go when the worker stops", async () => {
    const { pace, stop } = await busyPace(() => 0);
    let stopping = false;
    setTimeout(() => (stopping = true), 300);
    const { waited } = await turnOutcome(pace.turn(() => stopping));
    stop();
    expect(waited).toBeLessThanOrEqual(400);
  });
});

describe("cpuIdleSampler", () => {
  it("reads a share between 0 and 1 from the machine", () => {
    vi.useRealTimers();
    const sample = cpuIdleSampler();
    let spin = 0;
    for (const started = Date.now(); Date.now() - started < 50;) spin++;
    const share = sample();
    expect(spin).toBeGreaterThan(0);
    expect(share).toBeGreaterThanOrEqual(0);
    expect(share).toBeLessThanOrEqual(1);
  });
});
