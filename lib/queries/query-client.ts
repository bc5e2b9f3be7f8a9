import { leaveTo } from "../browser/leave-to";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "../http/fetch-json";

/** A session that ended (expired, revoked) shows the sign-in page instead of a broken screen. */
function onError(error: Error): void {
  if (error instanceof ApiError && error.status === 401 && typeof window !== "undefined") {
    leaveTo(`/sign-in?reason=expired&next=${encodeURIComponent(window.location.pathname)}`);
  }
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      // Live events keep the cache fresh; refetching on every focus would only add load.
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
    },
  });
}
