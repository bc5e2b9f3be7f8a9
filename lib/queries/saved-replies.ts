import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson } from "../http/fetch-json";
import {
  ZSavedReplyView,
  type TCreateSavedReply,
  type TSavedReplyView,
  type TUpdateSavedReply,
} from "../saved-replies/schemas";

// Saved replies in the browser: one shared list (the page and the composer's picker read the
// same cache). One's own writes update it at once; another agent's show when it is refetched.

export const savedReplyKeys = {
  all: ["saved-replies"] as const,
  list: () => [...savedReplyKeys.all, "list"] as const,
};

const ZList = z.object({ savedReplies: z.array(ZSavedReplyView) });
const ZAnswer = z.object({ savedReply: ZSavedReplyView });
const itemUrl = (id: string) => `/api/saved-replies/${encodeURIComponent(id)}`;

export const savedRepliesQuery = queryOptions({
  queryKey: savedReplyKeys.list(),
  queryFn: async () => (await fetchJson("/api/saved-replies", ZList)).savedReplies,
  // No live event announces another agent's change: coming back to the tab, or opening the
  // picker a little later, asks again.
  staleTime: 10_000,
  refetchOnWindowFocus: true,
});

// ---- Pure cache updaters ---------------------------------------------------------------

/** Puts the reply where the server's order (by code) would, replacing its old copy. */
export function upsertSavedReply(
  rows: TSavedReplyView[] | undefined,
  reply: TSavedReplyView,
): TSavedReplyView[] | undefined {
  if (!rows) return rows;
  return [...rows.filter((r) => r.id !== reply.id), reply].sort((a, b) =>
    a.code === b.code ? 0 : a.code < b.code ? -1 : 1,
  );
}

export function removeSavedReply(rows: TSavedReplyView[] | undefined, id: string): TSavedReplyView[] | undefined {
  return rows?.filter((r) => r.id !== id);
}

// ---- Mutations -------------------------------------------------------------------------

function send<T extends z.ZodType>(method: "POST" | "PATCH" | "DELETE", url: string, schema: T, body?: unknown) {
  return fetchJson(url, schema, {
    method,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
}

function useSavedReplyWrite<TVariables>(mutationFn: (variables: TVariables) => Promise<TSavedReplyView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (reply) =>
      queryClient.setQueryData<TSavedReplyView[]>(savedReplyKeys.list(), (rows) => upsertSavedReply(rows, reply)),
  });
}

export function useCreateSavedReply() {
  return useSavedReplyWrite(
    async (input: TCreateSavedReply) => (await send("POST", "/api/saved-replies", ZAnswer, input)).savedReply,
  );
}

export function useUpdateSavedReply() {
  return useSavedReplyWrite(
    async ({ id, input }: { id: string; input: TUpdateSavedReply }) =>
      (await send("PATCH", itemUrl(id), ZAnswer, input)).savedReply,
  );
}

export function useDeleteSavedReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => send("DELETE", itemUrl(id), z.object({ deleted: z.literal(true) })),
    onSuccess: (_answer, id) =>
      queryClient.setQueryData<TSavedReplyView[]>(savedReplyKeys.list(), (rows) => removeSavedReply(rows, id)),
  });
}
