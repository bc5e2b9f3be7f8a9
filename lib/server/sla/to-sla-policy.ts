import type { TSlaPolicy } from "../../sla/schemas";

export const SLA_POLICY_SELECT = {
  accountId: true,
  firstResponseMinutes: true,
  nextResponseMinutes: true,
  resolutionMinutes: true,
  businessHoursOnly: true,
  updatedAt: true,
} as const;

export function toSlaPolicy(row: Omit<TSlaPolicy, "updatedAt"> & { updatedAt: Date }): TSlaPolicy {
  return {
    accountId: row.accountId,
    firstResponseMinutes: row.firstResponseMinutes,
    nextResponseMinutes: row.nextResponseMinutes,
    resolutionMinutes: row.resolutionMinutes,
    businessHoursOnly: row.businessHoursOnly,
    updatedAt: row.updatedAt.toISOString(),
  };
}
