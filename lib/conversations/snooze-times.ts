/** A choice in the Snooze menu: a label and the time it wakes up. */
export interface TSnoozeOption {
  label: string;
  until: Date;
}

/**
 * The Snooze menu's presets, in the agent's own time zone (the browser's): in 1 hour, tonight
 * at 19:00 (while it is before 18:00), tomorrow at 9:00, next Monday at 9:00.
 */
export function snoozeOptions(now: Date): TSnoozeOption[] {
  const at = (days: number, hour: number) => {
    const d = new Date(now);
    d.setDate(d.getDate() + days);
    d.setHours(hour, 0, 0, 0);
    return d;
  };
  const options: TSnoozeOption[] = [{ label: "1 hour", until: new Date(now.getTime() + 60 * 60 * 1000) }];
  if (now.getHours() < 18) options.push({ label: "Tonight", until: at(0, 19) });
  options.push({ label: "Tomorrow", until: at(1, 9) });
  // Next Monday (a week from today when today is Monday).
  const daysToMonday = (8 - now.getDay()) % 7 || 7;
  options.push({ label: "Next week", until: at(daysToMonday, 9) });
  return options;
}
