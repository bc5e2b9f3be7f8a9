import { formatCount, formatDuration, formatShare } from "@/lib/reports/format";
import type { TFigureKey } from "@/lib/reports/schemas";

/** How a figure reads: its name, how its value is written, and which way is better. */
export interface TFigureDef {
  key: TFigureKey;
  label: string;
  format: (value: number | null) => string;
  better: "higher" | "lower" | "neither";
}

const count = (key: TFigureKey, label: string, better: TFigureDef["better"]): TFigureDef => ({
  key,
  label,
  format: formatCount,
  better,
});
const time = (key: TFigureKey, label: string): TFigureDef => ({ key, label, format: formatDuration, better: "lower" });

export const VOLUME_FIGURES: TFigureDef[] = [
  count("opened", "Conversations opened", "neither"),
  count("resolved", "Resolved", "higher"),
  count("reopened", "Reopened", "lower"),
  count("messagesIn", "Messages in", "neither"),
  count("messagesOut", "Messages out", "neither"),
  count("lostWindows", "Lost windows", "lower"),
];

export const TIME_FIGURES: TFigureDef[] = [
  time("firstResponseMedian", "First response, median"),
  time("firstResponseP90", "First response, 90th percentile"),
  time("replyTimeMedian", "Reply time, median"),
  time("replyTimeP90", "Reply time, 90th percentile"),
  time("resolutionMedian", "Resolution, median"),
  time("resolutionP90", "Resolution, 90th percentile"),
];

export const QUALITY_FIGURES: TFigureDef[] = [
  { key: "csat", label: "CSAT (4 or 5 of 5)", format: formatShare, better: "higher" },
  count("csatAnswers", "Survey answers", "neither"),
  count("slaBreaches", "SLA breaches", "lower"),
  { key: "slaMet", label: "SLA met", format: formatShare, better: "higher" },
];

/** An agent's own figures: what they did, not what customers sent. */
export const OWN_FIGURES: TFigureDef[] = [
  count("resolved", "Resolved", "higher"),
  count("messagesOut", "Replies sent", "neither"),
  ...TIME_FIGURES,
  ...QUALITY_FIGURES,
];
