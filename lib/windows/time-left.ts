/** Time left until a window closes, as a countdown reads: "2 d 5 h", "3 h 07 min", "49 min 05 s", "closed". */
export function formatTimeLeft(ms: number): string {
  if (ms <= 0) return "closed";
  const seconds = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${pad(minutes)} min`;
  return `${minutes} min ${pad(seconds % 60)} s`;
}
