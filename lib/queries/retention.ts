import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson, sendJson } from "../http/fetch-json";
import {
  ZRetentionAnswer,
  ZRetentionPreview,
  type TRetentionPreviewRequest,
  type TRetentionSettings,
} from "../retention/schemas";
import { adminKeys } from "./admin";

export const retentionKeys = {
  all: [...adminKeys.all, "retention"] as const,
  account: (accountId: string) => [...retentionKeys.all, accountId] as const,
};

const retentionUrl = (accountId: string) => `/api/admin/accounts/${encodeURIComponent(accountId)}/retention`;

// A run goes on in the background: while the page is open its figures are asked for again.
export const RETENTION_REFRESH_MS = 30_000;

export const retentionQuery = (accountId: string) =>
  queryOptions({
    queryKey: retentionKeys.account(accountId),
    queryFn: async () => (await fetchJson(retentionUrl(accountId), ZRetentionAnswer)).retention,
    refetchInterval: RETENTION_REFRESH_MS,
  });

export function useSaveRetention(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: TRetentionSettings) =>
      (await sendJson("PUT", retentionUrl(accountId), ZRetentionAnswer, input)).retention,
    onSuccess: (retention) => queryClient.setQueryData(retentionKeys.account(accountId), retention),
  });
}

/** What these months would delete now; nothing is cached: every preview is asked afresh. */
export function usePreviewRetention(accountId: string) {
  return useMutation({
    mutationFn: (input: TRetentionPreviewRequest) =>
      sendJson("POST", `${retentionUrl(accountId)}/preview`, ZRetentionPreview, input),
  });
}
