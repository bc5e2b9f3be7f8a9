import { FIGURE_KEYS, type TFigure, type TFigureValues, type TReportFigures } from "./schemas";

/** (value − previous) / previous; null when there is nothing to compare with. */
export function changeOf(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || previous === 0) return null;
  return (value - previous) / previous;
}

export function toFigure(value: number | null, previous: number | null): TFigure {
  return { value, previous, change: changeOf(value, previous) };
}

/** Each measure of the period beside its value in the previous period. */
export function compareFigures(current: TFigureValues, previous: TFigureValues): TReportFigures {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, toFigure(current[k], previous[k])])) as TReportFigures;
}
