/** A short time for lists and bubbles: the hour today, the date before. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay
    ? date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })
    : date.toLocaleDateString(undefined, { day: "numeric", month: "short" });
}

/** "just now", "2 min ago", "3 h ago", "in 20 s": a time relative to `now`, short enough for a table cell. */
export function timeAgo(iso: string, now: Date): string {
  const ms = now.getTime() - new Date(iso).getTime();
  const future = ms < 0;
  const seconds = Math.floor(Math.abs(ms) / 1000);
  if (seconds < 5) return future ? "now" : "just now";
  const amount =
    seconds < 60
      ? `${seconds} s`
      : seconds < 3600
        ? `${Math.floor(seconds / 60)} min`
        : seconds < 48 * 3600
          ? `${Math.floor(seconds / 3600)} h`
          : `${Math.floor(seconds / 86_400)} days`;
  return future ? `in ${amount}` : `${amount} ago`;
}

/** The exact time, for a title: the browser's locale and time zone. */
export function exactTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });
}
