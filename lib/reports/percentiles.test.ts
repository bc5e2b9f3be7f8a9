import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { median, p90, percentileCont } from "./percentiles";

describe("percentileCont", () => {
  it("interpolates between the two nearest values, as PostgreSQL's percentile_cont does", () => {
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(p90([10, 20, 30, 40])).toBeCloseTo(37);
    expect(median([7])).toBe(7);
    expect(p90([7])).toBe(7);
    expect(percentileCont([], 0.5)).toBeNull();
  });

  const db = new PGlite();
  afterAll(() => db.close());

  it.each([[[1]], [[10, 20, 30, 40]], [[3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]], [[0, 3600, 86400, 120, 61, 59]]])(
    "agrees with percentile_cont on %j",
    async (values) => {
      const { rows } = await db.query<{ median: number; p90: number }>(
        `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS median,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY v) AS p90 FROM unnest($1::int[]) v`,
        [values],
      );
      expect(median(values)).toBeCloseTo(rows[0]?.median ?? Number.NaN, 9);
      expect(p90(values)).toBeCloseTo(rows[0]?.p90 ?? Number.NaN, 9);
    },
  );
});
