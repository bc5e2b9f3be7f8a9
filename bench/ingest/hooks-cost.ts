// Issue 21's cost target: with 2 endpoints subscribed to everything, the intake's figures stay
// within 10 % of the app without webhooks. app-X-hooks beside app-X, as ratios (with ÷ without).
//
// On this kind of machine whichever target runs second does better (the load generator, the
// page cache and PostgreSQL are warm), by more than the 10 % asked. So a target may be named
// more than once in BENCH_TARGETS, e.g. app-pg,app-pg-hooks,app-pg-hooks,app-pg (ABBA: each
// position's advantage falls to both alike), and each figure is then the geometric mean of that
// target's runs. Nothing is asserted: a missed target is a figure to read.
import { isHooksTarget, withoutHooks, type TConfig, type TTargetName } from "./config";
import type { TOpenResult } from "./phases";
import { fixed2, perWebhook, table, type TTargetResult } from "./report";
import { formatStatuses, mb, ms, nonOk } from "./stats";

/** The rate the issue names; a run without it is judged at its highest rate, and says so. */
const ISSUE_RATE = 200;

/** Geometric mean of the finite positive values (NaN when there are none). */
export function geometricMean(values: (number | null | undefined)[]): number {
  const usable = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v) && v > 0);
  if (usable.length === 0) return Number.NaN;
  return Math.exp(usable.reduce((sum, v) => sum + Math.log(v), 0) / usable.length);
}

const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) && Number.isFinite(b) ? a / b : null);
const fmtRatio = (r: number | null) => (r === null ? "-" : r.toFixed(2));

interface TJudge {
  (ok: boolean | null, binding: boolean): string;
  met: number;
  judged: number;
}

function createJudge(): TJudge {
  const judge = ((ok: boolean | null, binding: boolean) => {
    if (ok === null || !binding) return binding ? "" : "information";
    judge.judged++;
    if (ok) judge.met++;
    return ok ? "met" : "NOT MET";
  }) as TJudge;
  judge.met = 0;
  judge.judged = 0;
  return judge;
}

function openRows(plain: TTargetResult[], hooked: TTargetResult[], rate: number, binding: boolean, judge: TJudge) {
  const at = (runs: TTargetResult[]) => runs.map((r) => r.open.find((o) => o.rate === rate));
  const a = at(plain);
  const b = at(hooked);
  if (a.some((o) => !o) || b.some((o) => !o)) return [];
  const bad = (list: (TOpenResult | undefined)[]) => list.reduce((n, o) => n + nonOk(o!.statuses) + o!.skipped, 0);
  const statuses = (list: (TOpenResult | undefined)[]) =>
    list.map((o) => formatStatuses(o!.statuses) + (o!.skipped ? ` +${o!.skipped} skipped` : "")).join(" | ");
  const rows = [
    [`open ${rate}/s: statuses`, statuses(a), statuses(b), "-", "no more non-200", judge(bad(b) <= bad(a), binding)],
  ];
  const figures = [
    ["answer p50 ms", (o: TOpenResult) => o.answerP50],
    ["answer p99 ms", (o: TOpenResult) => o.answerP99],
    ["live event p50 ms", (o: TOpenResult) => o.eventP50],
    ["live event p99 ms", (o: TOpenResult) => o.eventP99],
  ] as const;
  for (const [what, read] of figures) {
    const x = geometricMean(a.map((o) => read(o!)));
    const y = geometricMean(b.map((o) => read(o!)));
    const r = ratio(y, x);
    rows.push([
      `open ${rate}/s: ${what}`,
      ms(x),
      ms(y),
      fmtRatio(r),
      "≤ 1.10",
      judge(r === null ? null : r <= 1.1, binding),
    ]);
  }
  const missing = (list: (TOpenResult | undefined)[]) => list.reduce((n, o) => n + o!.missingAfterDrain, 0);
  rows.push([
    `open ${rate}/s: events missing after drain`,
    String(missing(a)),
    String(missing(b)),
    "-",
    "no more",
    judge(missing(b) <= missing(a), binding),
  ]);
  return rows;
}

function closedRows(plain: TTargetResult[], hooked: TTargetResult[], senders: number, judge: TJudge) {
  const at = (runs: TTargetResult[]) => runs.map((r) => r.closed.find((c) => c.senders === senders));
  const a = at(plain);
  const b = at(hooked);
  if (a.some((c) => !c) || b.some((c) => !c)) return [];
  const perSecond = (list: typeof a) => geometricMean(list.map((c) => c!.perSecond));
  const p99 = (list: typeof a) => geometricMean(list.map((c) => c!.p99));
  const r = ratio(perSecond(b), perSecond(a));
  return [
    [
      `closed ${senders} senders: webhooks/s`,
      perSecond(a).toFixed(0),
      perSecond(b).toFixed(0),
      fmtRatio(r),
      "≥ 0.90",
      judge(r === null ? null : r >= 0.9, true),
    ],
    [
      `closed ${senders} senders: answer p99 ms`,
      ms(p99(a)),
      ms(p99(b)),
      fmtRatio(ratio(p99(b), p99(a))),
      "",
      "information",
    ],
  ];
}

function costRows(plain: TTargetResult[], hooked: TTargetResult[]) {
  const rows: string[][] = [];
  for (const phase of hooked[0]?.cpu.map((c) => c.phase) ?? []) {
    const cost = (runs: TTargetResult[]) =>
      geometricMean(runs.map((r) => perWebhook(r.cpu.find((c) => c.phase === phase))));
    const [a, b] = [cost(plain), cost(hooked)];
    rows.push([`${phase}: CPU ms per webhook`, fixed2(a), fixed2(b), fmtRatio(ratio(b, a)), "", "cost"]);
  }
  const peak = (runs: TTargetResult[]) =>
    Math.max(
      0,
      ...runs
        .flatMap((r) => [...r.closed.map((c) => c.rssPeak), ...r.open.map((o) => o.rssPeak)])
        .filter((v) => v !== null),
    );
  rows.push([
    "server RSS peak",
    mb(peak(plain) || null),
    mb(peak(hooked) || null),
    fmtRatio(ratio(peak(hooked), peak(plain))),
    "",
    "information",
  ]);
  const others = (runs: TTargetResult[]) =>
    runs.map((r) => (r.machine ? `${r.machine.others.toFixed(0)} %` : "-")).join(" | ");
  rows.push(["machine CPU used by other processes", others(plain), others(hooked), "-", "", "noise: should be ~0"]);
  return rows;
}

export function printHooksComparison(results: TTargetResult[], config: TConfig, order: TTargetName[]): void {
  const judgedRate = config.rates.includes(ISSUE_RATE) ? ISSUE_RATE : Math.max(...config.rates);
  for (const name of [...new Set(results.map((r) => r.name).filter(isHooksTarget))]) {
    const hooked = results.filter((r) => r.name === name);
    const plain = results.filter((r) => r.name === withoutHooks(name));
    if (plain.length === 0) {
      console.log(`\n${name}: no ${withoutHooks(name)} in this run to compare with (add it to BENCH_TARGETS).`);
      continue;
    }
    const judge = createJudge();
    const rows = [
      ...config.rates.flatMap((rate) => openRows(plain, hooked, rate, rate === judgedRate, judge)),
      ...config.senders.flatMap((senders) => closedRows(plain, hooked, senders, judge)),
      ...costRows(plain, hooked),
    ];
    const runs = plain.length + hooked.length > 2 ? `; each figure the geometric mean of its target's runs` : "";
    const at = judgedRate === ISSUE_RATE ? "" : ` (judged at ${judgedRate}/s: the issue names ${ISSUE_RATE}/s)`;
    console.log(
      `\nWebhooks' cost on intake (issue 21: "within 10 %" with 2 endpoints subscribed to everything, at ${ISSUE_RATE}/s${at}):` +
        ` ${name} vs ${withoutHooks(name)}, ratio = with ÷ without (order: ${order.filter((n) => n === name || n === withoutHooks(name)).join(", ")}${runs})`,
    );
    console.log(table(["figure", withoutHooks(name), name, "ratio", "target (within 10 %)", ""], rows));
    console.log(
      `  ${judge.met} of ${judge.judged} figures within 10 %. Whichever target runs second does better on this kind of` +
        " machine: name them ABBA (app-pg,app-pg-hooks,app-pg-hooks,app-pg) so that both get each position.",
    );
  }
}
