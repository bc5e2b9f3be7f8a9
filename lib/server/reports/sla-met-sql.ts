import { Prisma } from "../../db/generated/client";
import { DEFAULT_POLICY_ID } from "../sla/load-sla-settings";

/**
 * Whether a FIRST_RESPONSE, REPLY or RESOLVED fact met its SLA target, by the policy applying to
 * its account when it is written: the account's own, else the default (as loadSlaSettings picks
 * it). For a statement that names the fact `f` (kind, seconds, businessSeconds) and its
 * conversation `c`: `join` goes in its FROM clause, `value` in its select list. Null when no
 * policy applies, when the policy sets no target for that kind, or when the fact measured no time.
 */
export const SLA_MET = {
  join: Prisma.sql`LEFT JOIN LATERAL (
      SELECT p."firstResponseMinutes", p."nextResponseMinutes", p."resolutionMinutes", p."businessHoursOnly"
      FROM "SlaPolicy" p
      WHERE p."accountId" = c."accountId" OR (p."id" = ${DEFAULT_POLICY_ID} AND p."accountId" IS NULL)
      ORDER BY p."accountId" IS NULL
      LIMIT 1
    ) AS sla_policy ON true`,
  // The time compared is the one the policy's clock runs by, as the reports read it.
  value: Prisma.sql`(CASE WHEN sla_policy."businessHoursOnly"
        THEN COALESCE(f."businessSeconds", f."seconds") ELSE f."seconds" END)
      <= 60 * (CASE f."kind"::text
        WHEN 'FIRST_RESPONSE' THEN sla_policy."firstResponseMinutes"
        WHEN 'REPLY' THEN sla_policy."nextResponseMinutes"
        WHEN 'RESOLVED' THEN sla_policy."resolutionMinutes" END)`,
};
