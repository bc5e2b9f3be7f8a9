"use client";

import { useQuery } from "@tanstack/react-query";
import { ZInboxAccounts } from "@/lib/conversations/schemas";
import { fetchJson } from "@/lib/http/fetch-json";
import { conversationKeys } from "@/lib/queries/conversations";

/** The accounts this agent works; refetched with the conversations when an admin changes that. */
export function useInboxAccounts() {
  return useQuery({
    queryKey: conversationKeys.accounts(),
    queryFn: () => fetchJson("/api/accounts", ZInboxAccounts),
    staleTime: 60_000,
  });
}
