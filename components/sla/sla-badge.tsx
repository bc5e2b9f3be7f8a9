import type { TConversationSummary } from "@/lib/conversations/summary";
import { slaBadge } from "@/lib/sla/badge";
import { SLA_TARGET_NAMES } from "@/lib/sla/schemas";

const TONES = {
  overdue: "bg-red-50 text-red-800 ring-red-200",
  atRisk: "bg-amber-50 text-amber-900 ring-amber-200",
  ok: "bg-neutral-50 text-neutral-700 ring-neutral-200",
} as const;

/**
 * An open conversation's next SLA due time, as the list shows it: "Due in 12 min", amber once
 * 75 % of the target is used, red "Overdue 5 min" once it passed. The text is read out after
 * the target it is for ("First response: Due in 12 min").
 */
export function SlaBadge({ conversation, now }: { conversation: TConversationSummary; now: Date }) {
  const { slaDueAt, slaAtRiskAt, slaTarget, status } = conversation;
  if (status !== "OPEN" || !slaDueAt) return null;
  const badge = slaBadge({ dueAt: slaDueAt, atRiskAt: slaAtRiskAt ?? null, target: slaTarget ?? null }, now);
  return (
    <span title={badge.description} className={`shrink-0 rounded px-1 ring-1 ring-inset ${TONES[badge.tone]}`}>
      <span className="sr-only">{slaTarget ? `${SLA_TARGET_NAMES[slaTarget]}: ` : "SLA: "}</span>
      {badge.text}
    </span>
  );
}
