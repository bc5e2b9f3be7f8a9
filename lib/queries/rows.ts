import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";

// Lists the server sorts (accounts, agents, saved replies) kept in the cache as the server
// would send them again: a write's answer is put in place, no refetch needed.

export type TCompare<T> = (a: T, b: T) => number;

export function compareText(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Replaces the row with the same id (or adds it) and keeps the list's order. */
export function upsertRow<T extends { id: string }>(
  rows: T[] | undefined,
  row: T,
  compare: TCompare<T>,
): T[] | undefined {
  if (!rows) return rows;
  return [...rows.filter((r) => r.id !== row.id), row].sort(compare);
}

export function removeRow<T extends { id: string }>(rows: T[] | undefined, id: string): T[] | undefined {
  return rows?.filter((r) => r.id !== id);
}

/** A write whose answer is the changed row: the cached list takes it, no refetch needed. */
export function useRowMutation<TVariables, TRow>(
  queryKey: QueryKey,
  mutationFn: (variables: TVariables) => Promise<TRow>,
  update: (rows: TRow[] | undefined, row: TRow) => TRow[] | undefined,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (row) => queryClient.setQueryData<TRow[]>(queryKey, (rows) => update(rows, row)),
  });
}
