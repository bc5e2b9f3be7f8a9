import pg from "pg";
import type { Prisma } from "../../db/generated/client";
import { preparedName } from "../../db/prepared";

/** Runs one SQL statement with positional parameters: inside Prisma's transaction or the driver's. */
export type TQuery = <T>(text: string, values: unknown[]) => Promise<T[]>;

// pg reads `timestamp` (without time zone) in the process's local zone; ours are UTC.
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/**
 * Statements straight on the driver (a pooled client in a transaction, or the pool itself),
 * prepared once per connection and read with UTC timestamps.
 */
export function driverQuery(runner: Pick<pg.Pool | pg.PoolClient, "query">): TQuery {
  return async <T>(text: string, values: unknown[]) =>
    (await runner.query({ name: preparedName(text), text, values, types })).rows as T[];
}

/** Statements with positional parameters, inside Prisma's interactive transaction. */
export function prismaQuery(tx: Prisma.TransactionClient): TQuery {
  return (text, values) => tx.$queryRawUnsafe(text, ...values);
}
