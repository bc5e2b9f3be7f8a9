// Tables of the load benchmark, and the issue's targets printed beside the figures. Nothing is
// asserted: a missed target is a figure to read, not a failure.
import type { TTargetName } from "./config";
import type { THookPhase } from "./hooks";
import type { TMachineCpu } from "./machine-cpu";
import type { TClosedResult, TFloorResult, TGeneratorLoad, TOpenResult } from "./phases";
import { formatStatuses, mb, ms, nonOk, other5xx } from "./stats";

export interface TTargetResult {
  name: TTargetName;
  description: string;
  server: string;
  warmUp: string;
  rssIdle: number | null;
  /** npm, sh, tsx and the server together. */
  rssTreeIdle: number | null;
  closed: TClosedResult[];
  /** The same POST refused before any database work (null: not measured). */
  floor: TFloorResult | null;
  open: TOpenResult[];
  /** Hooks targets: what the webhook receivers got after each phase (empty otherwise). */
  hooks: THookPhase[];
  /** CPU of the server and its PostgreSQL backends per phase, until its outgoing webhooks were delivered. */
  /** webhooks: how many the phase stored (null: not known, some answers were not 200). */
  cpu: { phase: string; ms: number; webhooks: number | null }[];
  /** The machine's CPU while the target was measured (null: not on Linux). */
  machine: TMachineCpu | null;
  /** Set when the target could not be measured. */
  error?: string;
}

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

const lag = (l: { p99: number; max: number }) => `${ms(l.p99)}/${ms(l.max)}`;
const drain = (p: { missingAfterDrain: number; drainedAfterMs: number | null }) =>
  `${p.missingAfterDrain}${p.drainedAfterMs === null ? " (gave up)" : ` (all in at +${(p.drainedAfterMs / 1000).toFixed(1)} s)`}`;
const gen = (g: TGeneratorLoad) => `${ms(g.lagP99)}/${ms(g.lagMax)}, ${g.cpu.toFixed(0)} %`;

export function printTargets(results: TTargetResult[]): void {
  console.log("\nTargets measured (one after the other, each on its own fresh database):");
  for (const r of results) {
    console.log(`  ${r.name.padEnd(16)} ${r.description}`);
    console.log(`  ${"".padEnd(16)} ${r.error ? `NOT MEASURED: ${r.error}` : `${r.server}; warm-up ${r.warmUp}`}`);
    if (r.machine) console.log(`  ${"".padEnd(16)} while measured: ${machineLine(r.machine)}`);
  }
}

/** A target's ingest at its floor's concurrency, as a share of the floor ("-" when not measured). */
function shareOfFloor(r: TTargetResult): string {
  const ingest = r.closed.find((c) => c.senders === r.floor?.senders);
  return r.floor && ingest ? `${((100 * ingest.perSecond) / r.floor.perSecond).toFixed(0)} %` : "-";
}

/** The HTTP path's floor: the same POST refused before the database, beside each target's ingest. */
export function printFloor(results: TTargetResult[], seconds: number): void {
  const rows = results.flatMap((r) => {
    if (!r.floor) return [];
    return [
      [
        r.name,
        String(r.floor.senders),
        r.floor.perSecond.toFixed(0),
        ms(r.floor.p50),
        formatStatuses(r.floor.statuses),
        shareOfFloor(r),
      ],
    ];
  });
  if (!rows.length) return;
  console.log(
    `\nFloor: the same webhook POSTed to an address refused (401) before any database work, closed loop, ${seconds} s` +
      `\n(for the app: the webhook route handler with a secret that cannot be one; no intake on that path can answer more)`,
  );
  console.log(
    table(["target", "senders", "answers/s", "answer p50 ms", "statuses", "ingest webhooks/s as a share of it"], rows),
  );
}

export function printClosed(results: TTargetResult[], seconds: number): void {
  const rows = results.flatMap((r) =>
    r.closed.map((c) => [
      r.name,
      String(c.senders),
      c.perSecond.toFixed(0),
      ms(c.p50),
      ms(c.p99),
      formatStatuses(c.statuses),
      `${ms(c.eventP50)}/${ms(c.eventP99)}`,
      drain(c),
      mb(c.rssPeak),
      gen(c.generator),
    ]),
  );
  if (!rows.length) return;
  console.log(`\nClosed-loop ingest, ${seconds} s per level (webhooks/s = 200 answers within the window)`);
  console.log(
    table(
      [
        "target",
        "senders",
        "webhooks/s",
        "answer p50 ms",
        "answer p99 ms",
        "statuses",
        "event p50/p99 ms",
        "events missing after drain",
        "RSS peak",
        "generator: loop lag p99/max ms, CPU",
      ],
      rows,
    ),
  );
}

export function printOpen(results: TTargetResult[], rates: number[]): void {
  for (const rate of rates) {
    const rows = results.flatMap((r) =>
      r.open
        .filter((o) => o.rate === rate)
        .map((o) => [
          r.name,
          `${o.sent}${o.skipped ? ` (+${o.skipped} skipped)` : ""}`,
          formatStatuses(o.statuses),
          `${ms(o.answerP50)}/${ms(o.answerP99)}`,
          `${ms(o.eventP50)}/${ms(o.eventP99)}`,
          `${o.missingAt5s} of ${o.okAt5s * o.agents}`,
          drain(o),
          `${o.deliveredWithout200}/${o.duplicates}/${o.disconnects}`,
          `${lag(o.scheduleLag)}; ${gen(o.generator)}`,
          `${mb(o.rssPeak)} / ${mb(o.rssAfter)}`,
        ]),
    );
    if (!rows.length) continue;
    const seconds = results.flatMap((r) => r.open).find((o) => o.rate === rate)?.seconds ?? 0;
    console.log(`\nOpen loop at ${rate} webhooks/s for ${seconds} s (times from POST sent; events at each agent)`);
    console.log(
      table(
        [
          "target",
          "sent",
          "statuses",
          "answer p50/p99 ms",
          "event p50/p99 ms",
          "missing @+5s",
          "missing after drain",
          "non-200 shown/dup/disc",
          "generator: schedule lag; loop lag p99/max ms, CPU",
          "RSS peak / +10 s",
        ],
        rows,
      ),
    );
  }
  if (!results.some((r) => r.open.length)) return;
  const behind = results.flatMap((r) =>
    r.open
      .filter((o) => o.scheduleLag.p99 > 10)
      .map((o) => `${r.name} at ${o.rate}/s (p99 ${ms(o.scheduleLag.p99)} ms)`),
  );
  if (behind.length) console.log(`  NOTE: the load generator fell behind its schedule: ${behind.join(", ")}.`);
  console.log(
    "  missing = (webhook answered 200, agent) pairs without a message.created; non-200 shown = webhooks not answered" +
      " 200 whose message still reached an agent; dup = an event twice at one agent; disc = agent disconnections.",
  );
}

/** What the targets said when they did not answer 200 (the first body per status). */
export function printSamples(results: TTargetResult[]): void {
  const lines: string[] = [];
  for (const r of results) {
    const seen = new Map<string, string>();
    for (const phase of [...r.closed, ...r.open]) {
      for (const [status, body] of phase.samples) if (!seen.has(status)) seen.set(status, body);
    }
    for (const [status, body] of seen) lines.push(`  ${r.name} ${status}: ${body.slice(0, 200) || "(empty)"}`);
  }
  if (lines.length) console.log(`\nAnswers other than 200, first of each kind:\n${lines.join("\n")}`);
}

export function printRss(results: TTargetResult[]): void {
  if (!results.length) return;
  const rows = results.map((r) => {
    const all = [...r.closed.map((c) => c.rssPeak), ...r.open.map((o) => o.rssPeak)].filter(
      (v): v is number => v !== null,
    );
    const after = r.open.at(-1)?.rssAfter ?? null;
    return [r.name, mb(r.rssIdle), mb(all.length ? Math.max(...all) : null), mb(after), mb(r.rssTreeIdle)];
  });
  console.log(
    "\nServer RSS (VmRSS of the server process, sampled every 200 ms; idle = started, agents signed in," +
      " 30 warm-up webhooks, 2 s quiet)",
  );
  console.log(
    table(["target", "idle", "peak under load", "10 s after the last phase", "idle, whole process tree"], rows),
  );
}

const mark = (ok: boolean | null) => (ok === null ? "" : ok ? "  [met]" : "  [not met]");

export function printTargetsVsBaseline(results: TTargetResult[]): void {
  const baseline = results.find((r) => r.name === "baseline");
  const apps = results.filter((r) => r.name !== "baseline");
  if (!apps.length) return;
  console.log("\nTargets (from the issue; stated for the app on PostgreSQL, app on PGlite for information):");
  for (const app of apps) {
    const tag = app.name === "app-pg" ? "" : " (information)";
    const closed = (r: TTargetResult | undefined, senders: number) => r?.closed.find((c) => c.senders === senders);
    for (const senders of [16, 64]) {
      const a = closed(app, senders);
      const b = closed(baseline, senders);
      if (!a) continue;
      const ratio = b && b.perSecond > 0 ? a.perSecond / b.perSecond : null;
      const target = senders === 64 ? "target ≥ 0.80" : "no target";
      console.log(
        `  ingest ${senders} senders: ${app.name} ${a.perSecond.toFixed(0)}/s, baseline ${b ? b.perSecond.toFixed(0) : "-"}/s,` +
          ` ratio ${ratio === null ? "-" : ratio.toFixed(2)} (${target})${tag}` +
          (senders === 64 && ratio !== null ? mark(ratio >= 0.8) : ""),
      );
    }
    const b64 = closed(baseline, 64);
    if (app.floor && b64 && b64.perSecond > 0) {
      // The ceiling: even an intake costing nothing would answer no more than the floor.
      const ceiling = app.floor.perSecond / b64.perSecond;
      console.log(
        `  ceiling: ${app.name} refuses ${app.floor.perSecond.toFixed(0)}/s before the database = ${ceiling.toFixed(2)} of the` +
          ` baseline's ingest (${b64.perSecond.toFixed(0)}/s); the app's ingest is ${shareOfFloor(app)} of its own floor` +
          (ceiling < 0.8 ? "; the 0.80 target is above what the HTTP path alone allows" : "") +
          tag,
      );
    }
    const open = (r: TTargetResult | undefined, rate: number) => r?.open.find((o) => o.rate === rate);
    const at200 = open(app, 200);
    if (at200) {
      const errors = nonOk(at200.statuses) + at200.skipped;
      const base = open(baseline, 200);
      const ratio = base && base.eventP99 > 0 ? at200.eventP99 / base.eventP99 : null;
      console.log(
        `  200/s: ${app.name} non-200 answers ${errors} (target 0)${mark(errors === 0)}; missing events after drain` +
          ` ${at200.missingAfterDrain} (target 0)${mark(at200.missingAfterDrain === 0)}; event p99 ${ms(at200.eventP99)} ms,` +
          ` baseline ${base ? ms(base.eventP99) : "-"} ms, ratio ${ratio === null ? "-" : ratio.toFixed(2)} (target ≤ 2.0)` +
          `${ratio === null ? "" : mark(ratio <= 2)}${tag}`,
      );
    }
    const at500 = open(app, 500);
    if (at500) {
      const bad = other5xx(at500.statuses);
      console.log(
        `  500/s: ${app.name} 5xx other than 503: ${bad} (target 0)${mark(bad === 0)}; 200-answered webhooks' events still` +
          ` missing after the drain: ${at500.missingAfterDrain} (target 0)${mark(at500.missingAfterDrain === 0)}${tag}`,
      );
    }
    const peaks = [...app.closed.map((c) => c.rssPeak), ...app.open.map((o) => o.rssPeak)].filter(
      (v): v is number => v !== null,
    );
    const peak = peaks.length ? Math.max(...peaks) : null;
    const MB = 1024 * 1024;
    console.log(
      `  RSS: ${app.name} idle ${mb(app.rssIdle)} (target ≤ 250 MB)${app.rssIdle === null ? "" : mark(app.rssIdle <= 250 * MB)},` +
        ` peak ${mb(peak)} (target ≤ 400 MB)${peak === null ? "" : mark(peak <= 400 * MB)}${tag}`,
    );
  }
}

export const perWebhook = (c: { ms: number; webhooks: number | null } | undefined) =>
  c?.webhooks ? c.ms / c.webhooks : NaN;
export const fixed2 = (value: number) => (Number.isNaN(value) ? "-" : value.toFixed(2));

/** CPU per stored webhook: the figure that moves least when other programs share the machine. */
export function printCpu(results: TTargetResult[]): void {
  const rows = results.flatMap((r) =>
    r.cpu.map((c) => [
      r.name,
      c.phase,
      c.webhooks === null ? "not known (answers other than 200)" : String(c.webhooks),
      (c.ms / 1000).toFixed(1),
      fixed2(perWebhook(c)),
    ]),
  );
  if (!rows.length) return;
  console.log(
    "\nCPU per stored webhook: the server's process tree and (PostgreSQL) the backends of its database, from the" +
      "\nphase's start until its outgoing webhooks were delivered (WAL writer and checkpointer not counted)",
  );
  console.log(table(["target", "phase", "webhooks stored", "CPU s", "CPU ms per webhook"], rows));
}

const machineLine = (m: TMachineCpu) =>
  `machine CPU ${m.busy.toFixed(0)} % busy, ${m.others.toFixed(0)} % by other processes than this benchmark's and PostgreSQL`;

const seconds = (value: number | null) => (value === null ? "-" : `+${(value / 1000).toFixed(1)} s`);

/** Hooks targets: what each receiver got per phase, and how long after the load it was all delivered. */
export function printHooks(results: TTargetResult[]): void {
  const hooked = results.filter((r) => r.hooks.length > 0);
  if (!hooked.length) return;
  const rows = hooked.flatMap((r) =>
    r.hooks.map((h) => [
      r.name,
      h.phase,
      h.okWebhooks === null ? "-" : String(h.okWebhooks),
      h.received.map((x) => `${x.requests}/${x.distinct}`).join("  "),
      String(h.common),
      h.messagesMissing === null ? "-" : h.messagesMissing.join("/"),
      h.lag ? `${seconds(h.lag.p50)}/${seconds(h.lag.p99)}/${seconds(h.lag.max)}`.replace(/\+/g, "") : "-",
      seconds(h.lastAfterMs),
      h.settledAfterMs === null ? `gave up (${h.pending} pending)` : seconds(h.settledAfterMs),
      String(h.failed),
      h.retried ?? "-",
    ]),
  );
  console.log(
    "\nOutgoing webhooks (hooks targets): what the 2 receivers got per phase; each phase waits for its deliveries" +
      '\n(lag: from each change to its webhook\'s arrival, the slower receiver\'s; "last webhook out" and "pending 0' +
      "\nseen\": from the end of the phase's load, the open loop's own wait makes the latter ≥ +10 s there)",
  );
  console.log(
    table(
      [
        "target",
        "phase",
        "webhooks in (200)",
        "received: POSTs/distinct ids, each",
        "ids at both",
        "message.created missing, each",
        "lag p50/p99/max",
        "last webhook out",
        "pending 0 seen",
        "failed",
        "tried more than once, so far (PostgreSQL)",
      ],
      rows,
    ),
  );
  for (const r of hooked) {
    for (const h of r.hooks.filter((x) => x.phase.startsWith("open"))) {
      const types = Object.entries(h.received[0]?.types ?? {})
        .sort((a, b) => b[1] - a[1])
        .map(([type, count]) => `${type} ${count}`)
        .join(", ");
      console.log(`  ${r.name}, ${h.phase}, receiver 1 by event type: ${types || "-"}`);
    }
  }
}
