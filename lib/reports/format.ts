// How the reports write their numbers (pure, for the pages and their tests).

/** "45s", "2m 05s", "1h 20m", "2d 3h"; "—" for nothing measured. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}

export function formatShare(share: number | null): string {
  return share === null ? "—" : `${Math.round(share * 100)}%`;
}

export function formatCount(count: number | null): string {
  return count === null ? "—" : count.toLocaleString("en-US");
}

/** "+25%", "−50%", "±0%"; null when there is nothing to compare with. */
export function formatChange(change: number | null): string | null {
  if (change === null) return null;
  const percent = Math.round(change * 100);
  if (percent === 0) return "±0%";
  return percent > 0 ? `+${percent}%` : `−${Math.abs(percent)}%`;
}
