import type { TDatabase } from "../db/client";

/** The text of a message the database refuses every time it is applied (refusePoisonMessages). */
export const POISON_TEXT = "poison";

/**
 * Makes the database refuse to store a customer message whose text is POISON_TEXT, as any
 * failure to apply a webhook would (since hostile characters are replaced, nothing a customer
 * sends fails by itself): for tests of retries, backoff and the FAILED state.
 */
export async function refusePoisonMessages(db: TDatabase): Promise<void> {
  await db.sql.query(`CREATE FUNCTION refuse_poison() RETURNS trigger AS $$
    BEGIN
      IF NEW."content"->>'text' = '${POISON_TEXT}' THEN RAISE EXCEPTION 'poison refused'; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await db.sql.query(
    `CREATE TRIGGER refuse_poison BEFORE INSERT ON "Message" FOR EACH ROW EXECUTE FUNCTION refuse_poison()`,
  );
}
