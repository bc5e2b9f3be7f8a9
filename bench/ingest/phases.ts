// The load itself: a closed loop (N senders, each waiting for its answer before the next
// webhook) and an open loop (webhooks on a fixed schedule, whatever the answers).
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { TAgents } from "./agents";
import type { WebhookClient } from "./http-client";
import { inboundMessage } from "./payloads";
import type { RssSampler } from "./rss";
import { countStatus, keepSample, percentile, sleep, type TSamples, type TStatusCounts } from "./stats";
import { Tracker } from "./tracker";

export interface TPhaseContext {
  client: WebhookClient;
  igAccountId: string;
  run: string;
  agents: TAgents;
  agentCount: number;
  rss: RssSampler | null;
}

export interface TGeneratorLoad {
  /** Event-loop delay of the load generator, ms. */
  lagP99: number;
  lagMax: number;
  /** CPU the load generator used, in % of one core. */
  cpu: number;
}

/** The load generator's own event-loop delay and CPU over a phase. */
function generatorMonitor() {
  // The histogram records whole sampling intervals: the delay is what exceeds the resolution.
  const resolution = 5;
  const histogram = monitorEventLoopDelay({ resolution });
  histogram.enable();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const delay = (ns: number) => Math.max(0, ns / 1e6 - resolution);
  return (): TGeneratorLoad => {
    histogram.disable();
    const cpu = process.cpuUsage(cpuBefore);
    const elapsedUs = (performance.now() - started) * 1000;
    return {
      lagP99: delay(histogram.percentile(99)),
      lagMax: delay(histogram.max),
      cpu: (100 * (cpu.user + cpu.system)) / elapsedUs,
    };
  };
}

/** A few webhooks one at a time, so that both targets have loaded their code before timing. */
export async function warmUp(ctx: TPhaseContext, count = 30): Promise<TStatusCounts> {
  const statuses: TStatusCounts = new Map();
  for (let n = 0; n < count; n++) {
    const { body } = inboundMessage(ctx.igAccountId, ctx.run, "warm", n);
    countStatus(statuses, (await ctx.client.post(body)).status);
  }
  return statuses;
}

export interface TClosedResult {
  senders: number;
  seconds: number;
  /** 200 answers completed within the window, per second. */
  perSecond: number;
  p50: number;
  p99: number;
  statuses: TStatusCounts;
  samples: TSamples;
  /** Send-to-event times at the agents, and what was still missing once the wait ran out. */
  eventP50: number;
  eventP99: number;
  missingAfterDrain: number;
  /** ms after the last answer when every event was in, or null. */
  drainedAfterMs: number | null;
  rssPeak: number | null;
  generator: TGeneratorLoad;
  /** Date.now() when the senders stopped (wall clock: other processes' times compare with it). */
  endedAt: number;
  /** Tokens of the webhooks answered 200 (their message.created is what a hook receiver gets). */
  okTokens: string[];
}

export async function closedLoop(
  ctx: TPhaseContext,
  { senders, seconds, drainMs }: { senders: number; seconds: number; drainMs: number },
): Promise<TClosedResult> {
  const phase = `c${senders}`;
  const tracker = new Tracker(ctx.agentCount);
  ctx.agents.setSink(tracker.sink);
  const statuses: TStatusCounts = new Map();
  const samples: TSamples = new Map();
  const latencies: number[] = [];
  let okInWindow = 0;
  let n = 0;
  ctx.rss?.start();
  const generator = generatorMonitor();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const sender = async () => {
    while (performance.now() < deadline) {
      const { token, body } = inboundMessage(ctx.igAccountId, ctx.run, phase, n++);
      const answer = await ctx.client.post(body, (sentAt) => tracker.sent(token, sentAt));
      tracker.answered(token, answer.status);
      countStatus(statuses, answer.status);
      keepSample(samples, answer.status, answer.body);
      if (answer.status === "200") latencies.push(answer.ms);
      if (answer.status === "200" && performance.now() <= deadline) okInWindow++;
    }
  };
  await Promise.all(Array.from({ length: senders }, sender));
  const endedAt = Date.now();
  const generatorLoad = generator();
  const rssPeak = ctx.rss?.stop() ?? null;
  // The next level starts once every accepted webhook has reached the agents (or the wait ran out).
  const answeredAll = performance.now();
  while (tracker.missing().missing > 0 && performance.now() - answeredAll < drainMs) await sleep(100);
  const final = tracker.missing();
  const events = tracker.latencies();
  ctx.agents.setSink(() => {});
  return {
    senders,
    seconds,
    perSecond: okInWindow / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
    samples,
    eventP50: percentile(events, 50),
    eventP99: percentile(events, 99),
    missingAfterDrain: final.missing,
    drainedAfterMs: final.missing === 0 ? performance.now() - answeredAll : null,
    rssPeak,
    generator: generatorLoad,
    endedAt,
    okTokens: tracker.okTokens(),
  };
}

export interface TOpenOptions {
  rate: number;
  seconds: number;
  maxOutstanding: number;
  missingAfterMs: number;
  rssAfterMs: number;
  drainMs: number;
}

export interface TOpenResult {
  rate: number;
  seconds: number;
  scheduled: number;
  sent: number;
  /** Not sent: maxOutstanding answers were already awaited. */
  skipped: number;
  statuses: TStatusCounts;
  samples: TSamples;
  answerP50: number;
  answerP99: number;
  eventP50: number;
  eventP99: number;
  /** Webhooks answered 200, and (webhook, agent) events missing at +5 s and after the drain. */
  agents: number;
  ok: number;
  okAt5s: number;
  missingAt5s: number;
  missingAfterDrain: number;
  /** ms after the burst when every event had arrived, or null if the drain wait ran out. */
  drainedAfterMs: number | null;
  deliveredWithout200: number;
  duplicates: number;
  scheduleLag: { p99: number; max: number };
  generator: TGeneratorLoad;
  rssPeak: number | null;
  rssAfter: number | null;
  disconnects: number;
  /** Date.now() when the last webhook of the burst was sent. */
  endedAt: number;
  okTokens: string[];
}

export async function openLoop(ctx: TPhaseContext, options: TOpenOptions): Promise<TOpenResult> {
  const { rate, seconds } = options;
  const phase = `o${rate}`;
  const tracker = new Tracker(ctx.agentCount);
  ctx.agents.setSink(tracker.sink);
  const disconnectsBefore = ctx.agents.disconnects();
  const statuses: TStatusCounts = new Map();
  const samples: TSamples = new Map();
  const answerTimes: number[] = [];
  const scheduleLags: number[] = [];
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  let outstanding = 0;
  let sent = 0;
  let skipped = 0;

  const send = (n: number) => {
    const { token, body } = inboundMessage(ctx.igAccountId, ctx.run, phase, n);
    outstanding++;
    sent++;
    void ctx.client
      .post(body, (sentAt) => tracker.sent(token, sentAt))
      .then((answer) => {
        outstanding--;
        tracker.answered(token, answer.status);
        countStatus(statuses, answer.status);
        keepSample(samples, answer.status, answer.body);
        if (answer.status === "200") answerTimes.push(answer.ms);
      });
  };

  ctx.rss?.start();
  const generator = generatorMonitor();
  const started = performance.now();
  let n = 0;
  while (n < total) {
    const due = Math.min(total, Math.floor((performance.now() - started) / interval) + 1);
    for (; n < due; n++) {
      scheduleLags.push(performance.now() - (started + n * interval));
      if (outstanding >= options.maxOutstanding) skipped++;
      else send(n);
    }
    if (n < total) await sleep(Math.max(1, started + n * interval - performance.now()));
  }
  const burstEnd = performance.now();
  const endedAt = Date.now();
  const generatorLoad = generator();

  // Watch for the moment every answer is in and every 200 reached every agent.
  let drainedAfterMs: number | null = null;
  const drained = () => outstanding === 0 && tracker.missing().missing === 0;
  const watch = setInterval(() => {
    if (drainedAfterMs === null && drained()) drainedAfterMs = performance.now() - burstEnd;
  }, 100);
  const until = (offset: number) => sleep(Math.max(0, burstEnd + offset - performance.now()));
  await until(options.missingAfterMs);
  const at5s = tracker.missing();
  await until(options.rssAfterMs);
  const rssAfter = ctx.rss?.now() ?? null;
  const rssPeak = ctx.rss?.stop() ?? null;
  while (drainedAfterMs === null && performance.now() - burstEnd < options.drainMs) await sleep(100);
  clearInterval(watch);
  const final = tracker.missing();
  const events = tracker.latencies();
  ctx.agents.setSink(() => {});
  return {
    rate,
    seconds,
    scheduled: total,
    sent,
    skipped,
    statuses,
    samples,
    answerP50: percentile(answerTimes, 50),
    answerP99: percentile(answerTimes, 99),
    eventP50: percentile(events, 50),
    eventP99: percentile(events, 99),
    agents: ctx.agentCount,
    ok: final.ok,
    okAt5s: at5s.ok,
    missingAt5s: at5s.missing,
    missingAfterDrain: final.missing,
    drainedAfterMs,
    deliveredWithout200: tracker.deliveredWithout200(),
    duplicates: tracker.duplicates,
    scheduleLag: { p99: percentile(scheduleLags, 99), max: Math.max(0, ...scheduleLags) },
    generator: generatorLoad,
    rssPeak,
    rssAfter,
    disconnects: ctx.agents.disconnects() - disconnectsBefore,
    endedAt,
    okTokens: tracker.okTokens(),
  };
}

export interface TFloorResult {
  senders: number;
  /** Answers per second, all of them the refusal (anything else is counted in statuses). */
  perSecond: number;
  p50: number;
  statuses: TStatusCounts;
}

/**
 * The cost of the HTTP path alone: the same webhook body posted to an address the server
 * refuses (401) before any database work, by N closed-loop senders. For the app that is the
 * webhook route handler itself with a secret that cannot be one (Next.js receives, routes and
 * answers it; the intake reads the body and refuses it): no intake can answer more webhooks
 * per second than this, whatever it does with them.
 */
export async function floorLoop(
  ctx: TPhaseContext,
  client: WebhookClient,
  { senders, seconds }: { senders: number; seconds: number },
): Promise<TFloorResult> {
  const statuses: TStatusCounts = new Map();
  const latencies: number[] = [];
  let answered = 0;
  let n = 0;
  const deadline = performance.now() + seconds * 1000;
  const sender = async () => {
    while (performance.now() < deadline) {
      const { body } = inboundMessage(ctx.igAccountId, ctx.run, "floor", n++);
      const answer = await client.post(body);
      countStatus(statuses, answer.status);
      latencies.push(answer.ms);
      if (performance.now() <= deadline) answered++;
    }
  };
  await Promise.all(Array.from({ length: senders }, sender));
  return { senders, perSecond: answered / seconds, p50: percentile(latencies, 50), statuses };
}
