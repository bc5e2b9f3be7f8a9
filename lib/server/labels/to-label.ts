import { LABEL_COLORS, type TLabel, type TLabelColor } from "../../labels/schemas";

/** A stored label as the API shows it; a colour no longer in the palette is drawn grey. */
export function toLabel(row: { id: string; name: string; color: string }): TLabel {
  const color = (LABEL_COLORS as readonly string[]).includes(row.color) ? (row.color as TLabelColor) : "gray";
  return { id: row.id, name: row.name, color };
}
