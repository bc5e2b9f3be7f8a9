import { describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { isDatabaseUnavailable } from "./unavailable";

describe("database unavailable", () => {
  it("recognises what Prisma throws when PostgreSQL cannot be reached, in a query, raw SQL or a transaction", async () => {
    const db = await openDatabase({ url: "postgres://postgres@127.0.0.1:1/nowhere", dataDir: "" });
    try {
      const failures = await Promise.all(
        [
          () => db.prisma.user.count(),
          () => db.prisma.$queryRaw`SELECT 1`,
          () => db.prisma.$transaction((tx) => tx.user.count()),
        ].map((f) =>
          f().then(
            () => null,
            (error: unknown) => error,
          ),
        ),
      );
      expect(failures.map(isDatabaseUnavailable)).toEqual([true, true, true]);
    } finally {
      await db.close();
    }
  });

  it("does not take a bug or bad data for an outage", () => {
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable({ code: "P2002", message: "Unique constraint failed" })).toBe(false);
  });
});
