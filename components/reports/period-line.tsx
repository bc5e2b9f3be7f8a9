import type { TReportPeriod } from "@/lib/reports/schemas";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const day = (date: string) => {
  const [year, month = "1", d = "1"] = date.split("-");
  return `${Number(d)} ${MONTHS[Number(month) - 1] ?? ""} ${year}`;
};

/** Which days the report covers, in which time zone, and what it compares them with. */
export function PeriodLine({ period }: { period: TReportPeriod }) {
  const days =
    period.firstDay === period.lastDay ? day(period.firstDay) : `${day(period.firstDay)} – ${day(period.lastDay)}`;
  return (
    <p className="text-sm text-neutral-600">
      {days} ({period.timeZone}
      {period.businessHours ? ", business hours" : ""}), compared with the period of equal length before it.
    </p>
  );
}
