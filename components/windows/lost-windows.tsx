import type { TLostWindowCount } from "@/lib/windows/schemas";

/** Windows closed without an answer in the last 7 days, per account: the number to bring to zero. */
export function LostWindows({ counts }: { counts: TLostWindowCount[] }) {
  const total = counts.reduce((sum, row) => sum + row.count, 0);
  return (
    <section aria-labelledby="lost-windows-title" className="rounded-md border border-neutral-200 bg-white p-3">
      <h2 id="lost-windows-title" className="text-sm font-semibold">
        Lost windows, last 7 days: {total}
      </h2>
      <p className="text-xs text-neutral-600">Customers whose 24-hour window closed while they waited for an answer.</p>
      {counts.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-2 text-sm">
          {counts.map((row) => (
            <li key={row.accountId} className="rounded-full bg-red-50 px-2.5 py-0.5 text-red-900">
              {row.accountName}: {row.count}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
