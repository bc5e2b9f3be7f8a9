import type { TRetentionPreview, TRetentionRunView } from "./schemas";

// Retention's figures in plain words, as the admin page shows them (pure, tested).

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

function figures(f: { conversations: number; messages: number; uploads: number }): string {
  return `${plural(f.conversations, "conversation", "conversations")}, ${plural(f.messages, "message", "messages")} and ${plural(f.uploads, "uploaded image", "uploaded images")}`;
}

/** "3 conversations, 12 messages and 1 uploaded image would be deleted now (last message before …)." */
export function previewText(preview: TRetentionPreview, formatDate: (iso: string) => string): string {
  const what = preview.capped ? `More than ${figures(preview)}` : figures(preview);
  return `${what} would be deleted now: conversations whose last message is before ${formatDate(preview.cutoff)}.`;
}

/** How long a run took, in words: "0.4 s", "12 s", "3 min 5 s". */
export function durationText(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** The last run, finished or still going (or cut off and waiting to resume). */
export function lastRunText(run: TRetentionRunView | null, formatTime: (iso: string) => string): string {
  if (run === null) return "No run yet.";
  if (run.finishedAt === null || run.durationMs === null) {
    return `Running since ${formatTime(run.startedAt)}: ${figures(run)} deleted so far.`;
  }
  return `Last run ${formatTime(run.finishedAt)}, took ${durationText(run.durationMs)}: ${figures(run)} deleted.`;
}
