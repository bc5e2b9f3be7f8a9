import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { ZMembershipAnswer, ZMembershipList, type TMembership, type TSetMembership } from "../access/schemas";
import { fetchJson, sendJson } from "../http/fetch-json";
import { adminKeys } from "./admin";

// Which agent works which account, for both admin pages (the accounts' side and the agents').

export const membershipKeys = {
  all: [...adminKeys.all, "memberships"] as const,
};

export const membershipsQuery = queryOptions({
  queryKey: membershipKeys.all,
  queryFn: async () => (await fetchJson("/api/admin/memberships", ZMembershipList)).memberships,
});

// ---- Pure cache updaters ---------------------------------------------------------------

export function isMember(rows: TMembership[] | undefined, accountId: string, userId: string): boolean {
  return rows?.some((row) => row.accountId === accountId && row.userId === userId) ?? false;
}

/** The list with this one membership added or removed (unchanged if it already was so). */
export function applyMembership(
  rows: TMembership[] | undefined,
  { accountId, userId, member }: TSetMembership,
): TMembership[] | undefined {
  if (!rows || isMember(rows, accountId, userId) === member) return rows;
  return member
    ? [...rows, { accountId, userId }]
    : rows.filter((row) => !(row.accountId === accountId && row.userId === userId));
}

// ---- Mutation --------------------------------------------------------------------------

/**
 * Ticks or unticks a membership at once, then asks the server. On failure only this change is
 * undone (its inverse applied), not a snapshot restored: an admin ticking several boxes in a
 * row would otherwise see a later, successful tick vanish when an earlier one fails.
 */
export function useSetMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: TSetMembership) =>
      (await sendJson("PUT", "/api/admin/memberships", ZMembershipAnswer, input)).membership,
    onMutate: async (input) => {
      // A list fetched before this change must not land after it and untick the box again.
      await queryClient.cancelQueries({ queryKey: membershipKeys.all });
      const before = isMember(queryClient.getQueryData(membershipKeys.all), input.accountId, input.userId);
      queryClient.setQueryData<TMembership[]>(membershipKeys.all, (rows) => applyMembership(rows, input));
      return { before };
    },
    onError: (_error, input, context) => {
      if (context === undefined || context.before === input.member) return;
      queryClient.setQueryData<TMembership[]>(membershipKeys.all, (rows) =>
        applyMembership(rows, { ...input, member: context.before }),
      );
    },
  });
}
