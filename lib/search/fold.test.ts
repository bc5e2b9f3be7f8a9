import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FOLD_SPECIAL_FROM, FOLD_SPECIAL_TO, foldForSearch } from "./fold";

describe("foldForSearch", () => {
  it("lowercases and folds accents, compatibility forms and letters that do not decompose", () => {
    expect(foldForSearch("Zürich CAFÉ crème")).toBe("zurich cafe creme");
    expect(foldForSearch("ﬁne 𝓱𝓮𝓵𝓵𝓸")).toBe("fine hello");
    expect(foldForSearch("Łódź Ørsted")).toBe("lodz orsted");
    // Decomposed input (e + combining acute) folds like the composed letter.
    expect(foldForSearch("cafe\u0301")).toBe("cafe");
    expect(foldForSearch("Plain ASCII")).toBe("plain ascii");
    expect(foldForSearch("日本語 Жёлтый")).toBe("日本語 желтыи");
  });

  it("uses the same table of special letters as the database's search_fold", () => {
    const migration = readFileSync(
      join(import.meta.dirname, "../../prisma/migrations/20261130062000_search/migration.sql"),
      "utf8",
    );
    expect(migration).toContain(`'${FOLD_SPECIAL_FROM}', '${FOLD_SPECIAL_TO}'`);
    expect([...FOLD_SPECIAL_FROM]).toHaveLength(FOLD_SPECIAL_TO.length);
  });
});
