// Follows each webhook of an open-loop phase from its POST to its `message.created` at every agent.
import type { TEventSink } from "./agents";

interface TEntry {
  sentAt: number;
  /** "200", "503", "error", "timeout"; undefined while unanswered. */
  status: string | undefined;
  /** ms from send to arrival at each agent; NaN while missing. */
  arrivals: Float64Array;
}

export class Tracker {
  private readonly entries = new Map<string, TEntry>();
  /** The same event twice at one agent. */
  duplicates = 0;
  /** Events whose token is not of this phase (an earlier phase's late events). */
  foreign = 0;

  constructor(private readonly agents: number) {}

  sent(token: string, sentAt: number): void {
    this.entries.set(token, { sentAt, status: undefined, arrivals: new Float64Array(this.agents).fill(NaN) });
  }

  answered(token: string, status: string): void {
    const entry = this.entries.get(token);
    if (entry) entry.status = status;
  }

  readonly sink: TEventSink = (agent, text, at) => {
    const entry = this.entries.get(text);
    if (!entry) {
      this.foreign++;
      return;
    }
    if (Number.isNaN(entry.arrivals[agent])) entry.arrivals[agent] = at - entry.sentAt;
    else this.duplicates++;
  };

  /** Agents × 200-answered webhooks that have not arrived yet, and how many webhooks got 200. */
  missing(): { ok: number; missing: number } {
    let ok = 0;
    let missing = 0;
    for (const entry of this.entries.values()) {
      if (entry.status !== "200") continue;
      ok++;
      for (const value of entry.arrivals) if (Number.isNaN(value)) missing++;
    }
    return { ok, missing };
  }

  /** The tokens of the webhooks answered 200. */
  okTokens(): string[] {
    return [...this.entries].filter(([, entry]) => entry.status === "200").map(([token]) => token);
  }

  /** Send-to-event times of every arrival of a 200-answered webhook. */
  latencies(): number[] {
    const values: number[] = [];
    for (const entry of this.entries.values()) {
      if (entry.status !== "200") continue;
      for (const value of entry.arrivals) if (!Number.isNaN(value)) values.push(value);
    }
    return values;
  }

  /** Webhooks not answered 200 (error, timeout, 5xx) whose message still reached an agent. */
  deliveredWithout200(): number {
    let count = 0;
    for (const entry of this.entries.values()) {
      if (entry.status !== undefined && entry.status !== "200" && entry.arrivals.some((v) => !Number.isNaN(v))) {
        count++;
      }
    }
    return count;
  }
}
