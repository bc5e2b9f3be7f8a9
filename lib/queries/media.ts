import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "../http/fetch-json";
import { ZMediaTypeAnswer } from "../media/schemas";

export const mediaKeys = {
  all: ["media"] as const,
  type: (url: string) => [...mediaKeys.all, "type", url] as const,
};

/** What the server learns of a link's type (HEAD request); a link's type rarely changes. */
export const mediaTypeQuery = (url: string) =>
  queryOptions({
    queryKey: mediaKeys.type(url),
    queryFn: ({ signal }) => fetchJson(`/api/media-type?url=${encodeURIComponent(url)}`, ZMediaTypeAnswer, { signal }),
    staleTime: 10 * 60_000,
    retry: false,
  });
