/**
 * The moment before which a conversation's last message makes it old enough to delete: `months`
 * calendar months before `now`, in UTC. A day that the earlier month lacks (31 March − 1 month)
 * becomes that month's last day, so the cutoff never jumps into the next month.
 */
export function retentionCutoff(now: Date, months: number): Date {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(now.getUTCDate(), lastDay),
      now.getUTCHours(),
      now.getUTCMinutes(),
      now.getUTCSeconds(),
      now.getUTCMilliseconds(),
    ),
  );
}
