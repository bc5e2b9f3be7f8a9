import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  ZAccountAnswer,
  ZAccountList,
  ZConnectionTestAnswer,
  type TAccountView,
  type TAutoAssignSettings,
  type TConnectionTest,
  type TCreateAccount,
  type TUpdateAccount,
} from "../accounts/schemas";
import type { TAccountSettings } from "../accounts/settings-schemas";
import { ZDeletedAnswer } from "../http/answers";
import { fetchJson, sendJson } from "../http/fetch-json";
import {
  ZPasswordResetAnswer,
  ZUserAnswer,
  ZUserList,
  type TCreateUser,
  type TUpdateUser,
  type TUserView,
} from "../users/schemas";
import { conversationKeys } from "./conversations";
import { compareText, removeRow, upsertRow, useRowMutation, type TCompare } from "./rows";

export const adminKeys = {
  all: ["admin"] as const,
  accounts: () => [...adminKeys.all, "accounts"] as const,
  users: () => [...adminKeys.all, "users"] as const,
};

// How often the agents table asks who is online: presence is one socket lookup per request.
export const PRESENCE_REFRESH_MS = 15_000;

const accountUrl = (id: string) => `/api/admin/accounts/${encodeURIComponent(id)}`;
const userUrl = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;

export const accountsQuery = queryOptions({
  queryKey: adminKeys.accounts(),
  queryFn: async () => (await fetchJson("/api/admin/accounts", ZAccountList)).accounts,
});

export const usersQuery = queryOptions({
  queryKey: adminKeys.users(),
  queryFn: async () => (await fetchJson("/api/admin/users", ZUserList)).users,
  refetchInterval: PRESENCE_REFRESH_MS,
});

// ---- Pure cache updaters ---------------------------------------------------------------

/** Both lists are sorted by the server; a changed row is put where the server would put it. */
export const compareAccounts: TCompare<TAccountView> = (a, b) => compareText(a.displayName, b.displayName);
export const compareUsers: TCompare<TUserView> = (a, b) => compareText(a.role, b.role) || compareText(a.name, b.name);

/**
 * A user answer from a write does not look up sockets, so it always says offline. Keep the
 * presence the list last saw until the next poll, except for a deactivated user: their
 * sockets were closed with the write.
 */
export function upsertUser(rows: TUserView[] | undefined, user: TUserView): TUserView[] | undefined {
  const known = rows?.find((r) => r.id === user.id);
  const online = user.active && (known?.online ?? user.online);
  return upsertRow(rows, { ...user, online }, compareUsers);
}

// ---- Mutations -------------------------------------------------------------------------

const upsertAccount = (rows: TAccountView[] | undefined, account: TAccountView) =>
  upsertRow(rows, account, compareAccounts);

export function useCreateAccount() {
  return useRowMutation(
    adminKeys.accounts(),
    async (input: TCreateAccount) => (await sendJson("POST", "/api/admin/accounts", ZAccountAnswer, input)).account,
    upsertAccount,
  );
}

export function useUpdateAccount() {
  return useRowMutation(
    adminKeys.accounts(),
    async ({ id, input }: { id: string; input: TUpdateAccount }) =>
      (await sendJson("PATCH", accountUrl(id), ZAccountAnswer, input)).account,
    upsertAccount,
  );
}

export function useSetAutoAssign() {
  return useRowMutation(
    adminKeys.accounts(),
    async ({ id, input }: { id: string; input: TAutoAssignSettings }) =>
      (await sendJson("POST", `${accountUrl(id)}/auto-assign`, ZAccountAnswer, input)).account,
    upsertAccount,
  );
}

export function useSetAccountSettings() {
  return useRowMutation(
    adminKeys.accounts(),
    async ({ id, input }: { id: string; input: TAccountSettings }) =>
      (await sendJson("PUT", `${accountUrl(id)}/settings`, ZAccountAnswer, input)).account,
    upsertAccount,
  );
}

export function useRotateWebhookSecret() {
  return useRowMutation(
    adminKeys.accounts(),
    async (id: string) => (await sendJson("POST", `${accountUrl(id)}/rotate-secret`, ZAccountAnswer)).account,
    upsertAccount,
  );
}

export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendJson("DELETE", accountUrl(id), ZDeletedAnswer),
    onSuccess: (_answer, id) => {
      queryClient.setQueryData<TAccountView[]>(adminKeys.accounts(), (rows) => removeRow(rows, id));
      // The account's conversations went with it (the database cascades): lists must refetch.
      void queryClient.invalidateQueries({ queryKey: conversationKeys.all });
    },
  });
}

/** Asks CM about the stored token; the answer is shown, not cached. */
export function useTestConnection() {
  return useMutation({
    mutationFn: async (id: string): Promise<TConnectionTest> =>
      (await sendJson("POST", `${accountUrl(id)}/test-connection`, ZConnectionTestAnswer)).result,
  });
}

export function useCreateUser() {
  return useRowMutation(
    adminKeys.users(),
    async (input: TCreateUser) => (await sendJson("POST", "/api/admin/users", ZUserAnswer, input)).user,
    upsertUser,
  );
}

export function useUpdateUser() {
  return useRowMutation(
    adminKeys.users(),
    async ({ id, input }: { id: string; input: TUpdateUser }) =>
      (await sendJson("PATCH", userUrl(id), ZUserAnswer, input)).user,
    upsertUser,
  );
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      sendJson("POST", `${userUrl(id)}/reset-password`, ZPasswordResetAnswer, { password }),
  });
}
