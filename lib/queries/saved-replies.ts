import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { ZDeletedAnswer } from "../http/answers";
import { fetchJson, sendJson } from "../http/fetch-json";
import {
  ZSavedReplyAnswer,
  ZSavedReplyList,
  type TCreateSavedReply,
  type TSavedReplyView,
  type TUpdateSavedReply,
} from "../saved-replies/schemas";
import { compareText, removeRow, upsertRow, useRowMutation } from "./rows";

// Saved replies in the browser: one shared list (the page and the composer's picker read the
// same cache). One's own writes update it at once; another agent's show when it is refetched.

export const savedReplyKeys = {
  all: ["saved-replies"] as const,
  list: () => [...savedReplyKeys.all, "list"] as const,
};

const itemUrl = (id: string) => `/api/saved-replies/${encodeURIComponent(id)}`;

export const savedRepliesQuery = queryOptions({
  queryKey: savedReplyKeys.list(),
  queryFn: async () => (await fetchJson("/api/saved-replies", ZSavedReplyList)).savedReplies,
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
  return upsertRow(rows, reply, (a, b) => compareText(a.code, b.code));
}

export const removeSavedReply = removeRow<TSavedReplyView>;

// ---- Mutations -------------------------------------------------------------------------

function useSavedReplyWrite<TVariables>(mutationFn: (variables: TVariables) => Promise<TSavedReplyView>) {
  return useRowMutation(savedReplyKeys.list(), mutationFn, upsertSavedReply);
}

export function useCreateSavedReply() {
  return useSavedReplyWrite(
    async (input: TCreateSavedReply) =>
      (await sendJson("POST", "/api/saved-replies", ZSavedReplyAnswer, input)).savedReply,
  );
}

export function useUpdateSavedReply() {
  return useSavedReplyWrite(
    async ({ id, input }: { id: string; input: TUpdateSavedReply }) =>
      (await sendJson("PATCH", itemUrl(id), ZSavedReplyAnswer, input)).savedReply,
  );
}

export function useDeleteSavedReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendJson("DELETE", itemUrl(id), ZDeletedAnswer),
    onSuccess: (_answer, id) =>
      queryClient.setQueryData<TSavedReplyView[]>(savedReplyKeys.list(), (rows) => removeSavedReply(rows, id)),
  });
}
