import { useQuery } from "@tanstack/react-query";
import { ZInboxAccounts } from "../conversations/schemas";
import { fetchJson } from "../http/fetch-json";
import { conversationKeys } from "./conversations";

/**
 * The accounts this agent works, with their use of Instagram's daily limit; refetched with the
 * conversations when an admin changes access, and every minute.
 */
export function useInboxAccounts() {
  return useQuery({
    queryKey: conversationKeys.accounts(),
    queryFn: () => fetchJson("/api/accounts", ZInboxAccounts),
    staleTime: 60_000,
    // Each account's use of Instagram's daily limit moves with every send.
    refetchInterval: 60_000,
  });
}
