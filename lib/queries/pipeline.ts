import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson, sendJson } from "../http/fetch-json";
import { ZPipelineStatus, ZRetriedAll, ZRetriedWebhook } from "../webhooks/pipeline-status";
import { adminKeys } from "./admin";

export const pipelineKeys = {
  all: [...adminKeys.all, "pipeline"] as const,
  status: () => [...pipelineKeys.all, "status"] as const,
};

// A monitoring page: webhooks and replies change without anyone here doing anything, and
// nothing pushes these counts live, so it asks again every few seconds.
export const PIPELINE_REFRESH_MS = 5_000;

export const pipelineQuery = queryOptions({
  queryKey: pipelineKeys.status(),
  queryFn: () => fetchJson("/api/admin/pipeline", ZPipelineStatus),
  refetchInterval: PIPELINE_REFRESH_MS,
  staleTime: 0,
});

const post = <T extends typeof ZRetriedWebhook | typeof ZRetriedAll>(url: string, schema: T) =>
  sendJson("POST", url, schema);

/** After a retry the processor runs at once: ask for the new counts instead of guessing them. */
function useRetry<TVariables>(mutationFn: (variables: TVariables) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: pipelineKeys.all }),
  });
}

export function useRetryWebhook() {
  return useRetry((id: string) =>
    post(`/api/admin/pipeline/webhooks/${encodeURIComponent(id)}/retry`, ZRetriedWebhook),
  );
}

export function useRetryAllFailed() {
  return useRetry((accountId: string) =>
    post(`/api/admin/accounts/${encodeURIComponent(accountId)}/pipeline/retry-failed`, ZRetriedAll),
  );
}
