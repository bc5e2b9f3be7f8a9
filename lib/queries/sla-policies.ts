import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { ZDeletedAnswer } from "../http/answers";
import { fetchJson, sendJson } from "../http/fetch-json";
import {
  ZSlaPolicies,
  ZSlaPolicyAnswer,
  type TSlaPolicies,
  type TSlaPolicy,
  type TSlaPolicyInput,
} from "../sla/schemas";

export const slaPolicyKeys = {
  all: ["sla-policies"] as const,
  list: () => [...slaPolicyKeys.all, "list"] as const,
};

export const slaPoliciesQuery = queryOptions({
  queryKey: slaPolicyKeys.list(),
  queryFn: () => fetchJson("/api/admin/sla-policies", ZSlaPolicies),
});

/** Where a policy lives: the default (null) or an account's own. */
const policyUrl = (accountId: string | null) =>
  accountId === null
    ? "/api/admin/sla-policies/default"
    : `/api/admin/sla-policies/accounts/${encodeURIComponent(accountId)}`;

// ---- Pure cache updater ------------------------------------------------------------------

/** The list with one policy saved (a policy) or removed (null). */
export function withPolicy(data: TSlaPolicies | undefined, accountId: string | null, policy: TSlaPolicy | null) {
  if (!data) return data;
  if (accountId === null) return { ...data, defaultPolicy: policy };
  return { ...data, accounts: data.accounts.map((a) => (a.accountId === accountId ? { ...a, policy } : a)) };
}

/** Saves (input) or removes (null) the default policy or an account's own. */
export function useSaveSlaPolicy(accountId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: TSlaPolicyInput | null): Promise<TSlaPolicy | null> => {
      if (input === null) {
        await sendJson("DELETE", policyUrl(accountId), ZDeletedAnswer);
        return null;
      }
      return (await sendJson("PUT", policyUrl(accountId), ZSlaPolicyAnswer, input)).policy;
    },
    onSuccess: (policy) =>
      client.setQueryData<TSlaPolicies>(slaPolicyKeys.list(), (data) => withPolicy(data, accountId, policy)),
  });
}
