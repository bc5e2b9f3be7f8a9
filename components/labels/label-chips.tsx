import type { TLabel } from "@/lib/labels/schemas";
import { LABEL_CHIP_CLASSES } from "./label-colors";

/** A label as a coloured chip. */
export function LabelChip({ label }: { label: Pick<TLabel, "name" | "color"> }) {
  return (
    <span
      className={`inline-block max-w-40 truncate rounded-full px-1.5 text-xs font-medium ring-1 ring-inset ${LABEL_CHIP_CLASSES[label.color]}`}
    >
      {label.name}
    </span>
  );
}

/**
 * A conversation's labels as chips, in phrasing content (a list row's line, a header): the
 * words "Labels:" are there for screen readers, who do not see the colours.
 */
export function LabelChips({ labels, className = "" }: { labels: TLabel[]; className?: string }) {
  if (labels.length === 0) return null;
  return (
    <span className={`inline-flex min-w-0 items-center gap-1 ${className}`}>
      <span className="sr-only">Labels:</span>
      {labels.map((label) => (
        <LabelChip key={label.id} label={label} />
      ))}
    </span>
  );
}
