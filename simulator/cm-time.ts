// CM's timestamp formats (FORMATS.md §3.1): `timeUtc` is `yyyy-MM-ddTHH:mm:ss` without a zone;
// `time` looks like CM's local time (Amsterdam) as `yyyy-MM-dd HH:mm:ss` — inferred.

export function formatCmUtc(date: Date): string {
  return date.toISOString().slice(0, 19);
}

const amsterdam = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

export function formatCmLocal(date: Date): string {
  return amsterdam.format(date);
}
