import { formatChange } from "@/lib/reports/format";
import type { TFigure, TFigureKey, TReportFigures } from "@/lib/reports/schemas";
import type { TFigureDef } from "./figure-defs";

/** The customer's own facts: no agent's, so not counted under an agent filter (their value is null). */
const CUSTOMER_FACTS = new Set<TFigureKey>(["opened", "reopened", "messagesIn"]);

function tone(def: TFigureDef, change: number | null): string {
  if (change === null || change === 0 || def.better === "neither") return "text-neutral-600";
  return change < 0 === (def.better === "lower") ? "text-green-700" : "text-red-700";
}

function Change({ def, figure }: { def: TFigureDef; figure: TFigure }) {
  const change = formatChange(figure.change);
  if (figure.value === null && CUSTOMER_FACTS.has(def.key)) {
    return <p className="text-xs text-neutral-600">Not counted for one agent</p>;
  }
  if (change === null) {
    return <p className="text-xs text-neutral-600">Previous period: {def.format(figure.previous)}</p>;
  }
  return (
    <p className={`text-xs ${tone(def, figure.change)}`}>
      {change} <span className="text-neutral-600">vs previous period ({def.format(figure.previous)})</span>
    </p>
  );
}

/** Figures as a list of cards: name, value, and the change against the previous period. */
export function FigureGrid({ title, defs, figures }: { title: string; defs: TFigureDef[]; figures: TReportFigures }) {
  return (
    <section aria-label={title}>
      <h2 className="mb-2 text-sm font-semibold text-neutral-800">{title}</h2>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        {defs.map((def) => {
          const figure = figures[def.key];
          return (
            <div
              key={def.key}
              className="rounded-lg border border-neutral-200 bg-white p-3"
              data-testid={`figure-${def.key}`}
            >
              <dt className="text-xs text-neutral-600">{def.label}</dt>
              <dd className="mt-1 text-xl font-semibold tabular-nums">{def.format(figure.value)}</dd>
              <dd>
                <Change def={def} figure={figure} />
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
