import { z } from "zod";

// Labels as the API sends and receives them (shared by server and browser).

/**
 * The colours a label may have: Tailwind colour names. Each is drawn as a chip of its -100
 * background with -800 text (components/labels/label-colors.ts), which passes WCAG AA contrast
 * for every one of them, so no admin's choice can make the inbox fail an accessibility check.
 */
export const LABEL_COLORS = [
  "gray",
  "red",
  "orange",
  "amber",
  "green",
  "teal",
  "blue",
  "indigo",
  "purple",
  "pink",
] as const;
export const ZLabelColor = z.enum(LABEL_COLORS, { error: `must be one of ${LABEL_COLORS.join(", ")}` });
export type TLabelColor = z.infer<typeof ZLabelColor>;

export const LABEL_NAME_MAX = 40;

/** Trimmed, inner runs of spaces made one: "VIP " and "VIP" are the same label. */
export const ZLabelName = z
  .string()
  .transform((name) => name.trim().replace(/\s+/g, " "))
  .pipe(z.string().min(1, "is required").max(LABEL_NAME_MAX, `must be at most ${LABEL_NAME_MAX} characters`));

export const ZLabel = z.object({ id: z.string(), name: z.string(), color: ZLabelColor });
export type TLabel = z.infer<typeof ZLabel>;

export const ZCreateLabel = z.object({ name: ZLabelName, color: ZLabelColor });
export type TCreateLabel = z.infer<typeof ZCreateLabel>;

/** Rename, recolour, or both. */
export const ZUpdateLabel = z
  .object({ name: ZLabelName.optional(), color: ZLabelColor.optional() })
  .refine((input) => input.name !== undefined || input.color !== undefined, "give a name or a color");
export type TUpdateLabel = z.infer<typeof ZUpdateLabel>;

export const ZLabelList = z
  .object({ labels: z.array(ZLabel).describe("By name, whatever the case.") })
  .describe("GET /api/labels and /api/admin/labels: every label.");
export const ZLabelAnswer = z.object({ label: ZLabel }).describe("The label as it is after the write.");

/** Orders labels as every list shows them: by name, whatever the case. */
export function compareLabels(a: TLabel, b: TLabel): number {
  return a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
