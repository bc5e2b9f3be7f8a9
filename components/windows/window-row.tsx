import Link from "next/link";
import { exactTime } from "@/components/ui/format-time";
import { contactName } from "@/lib/contacts/contact-name";
import { formatTimeLeft } from "@/lib/windows/time-left";
import type { TReplyWindowRow } from "@/lib/windows/schemas";
import { RowActions } from "./row-actions";

/** One waiting customer: who, where, who holds it, the time left (counting down) and what they wrote last. */
export function WindowRow({ row, until, now }: { row: TReplyWindowRow; until: Date; now: Date }) {
  const name = contactName(row.customer);
  const left = until.getTime() - now.getTime();
  return (
    <li
      aria-label={name}
      className="flex flex-col gap-2 rounded-md border border-neutral-200 bg-white p-3 sm:flex-row sm:items-center sm:gap-4"
    >
      <p className="w-28 shrink-0 font-mono text-sm font-semibold text-red-900 tabular-nums">
        <span className="sr-only">Time left: </span>
        <time dateTime={until.toISOString()} title={`Closes ${exactTime(until.toISOString())}`}>
          {formatTimeLeft(left)}
        </time>
      </p>
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-baseline gap-x-2">
          <Link href={`/c/${row.conversationId}`} className="font-medium text-neutral-900 hover:underline">
            {name}
          </Link>
          <span className="text-xs text-neutral-600">{row.accountName}</span>
        </p>
        <p className="truncate text-sm text-neutral-700">{row.lastMessage || "(no text)"}</p>
        <p className="text-xs text-neutral-600">Owner: {row.owner?.name ?? "nobody"}</p>
      </div>
      <RowActions row={row} />
    </li>
  );
}
