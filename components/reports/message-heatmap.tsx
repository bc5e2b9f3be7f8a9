import type { THeatmapCell } from "@/lib/reports/schemas";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** Five shades; the text on each keeps WCAG AA contrast. */
function shade(count: number, max: number): string {
  if (count === 0) return "bg-white text-neutral-500";
  const step = max <= 1 ? 4 : Math.min(4, Math.ceil((count / max) * 4));
  return (
    ["", "bg-blue-100 text-blue-900", "bg-blue-300 text-blue-950", "bg-blue-600 text-white", "bg-blue-800 text-white"][
      step
    ] ?? ""
  );
}

/** Incoming messages by weekday and hour of the report's time zone: a table, shaded by count. */
export function MessageHeatmap({ cells, timeZone }: { cells: THeatmapCell[]; timeZone: string }) {
  const max = Math.max(0, ...cells.map((c) => c.count));
  const at = (weekday: number, hour: number) => cells.find((c) => c.weekday === weekday && c.hour === hour)?.count ?? 0;
  return (
    <section className="rounded-lg border border-neutral-200 bg-white p-3">
      {/* Wider than a phone: a region that scrolls, reachable by keyboard. */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Incoming messages by weekday and hour">
        <table className="border-separate border-spacing-0.5 text-[10px] tabular-nums">
          <caption className="mb-2 text-left text-sm font-semibold text-neutral-800">
            Incoming messages by weekday and hour ({timeZone})
          </caption>
          <thead>
            <tr>
              <td />
              {Array.from({ length: 24 }, (_, hour) => (
                <th key={hour} scope="col" className="w-6 font-normal text-neutral-600">
                  {String(hour).padStart(2, "0")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((name, index) => (
              <tr key={name}>
                <th scope="row" className="pr-2 text-left font-normal text-neutral-700">
                  <abbr title={name} className="no-underline">
                    {name.slice(0, 3)}
                  </abbr>
                </th>
                {Array.from({ length: 24 }, (_, hour) => {
                  const count = at(index + 1, hour);
                  return (
                    <td
                      key={hour}
                      className={`h-6 w-6 rounded text-center ${shade(count, max)}`}
                      data-cell={`${index + 1}:${hour}`}
                    >
                      {count}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
