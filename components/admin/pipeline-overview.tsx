"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { pipelineQuery } from "@/lib/queries/pipeline";
import { PipelineCard } from "./pipeline-card";

export function PipelineOverview() {
  const query = useQuery(pipelineQuery);

  if (query.isPending) {
    return (
      <p role="status" className="text-sm text-neutral-500">
        Loading the pipeline…
      </p>
    );
  }
  if (query.isError && !query.data) {
    return (
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-800">
        <p>The pipeline could not be loaded: {query.error.message}</p>
        <button type="button" className="mt-2 font-medium underline" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  const { accounts, generatedAt } = query.data;
  if (accounts.length === 0) {
    return (
      <div className="rounded-md border border-dashed border-neutral-300 p-6 text-sm text-neutral-500">
        <p className="font-medium text-neutral-700">No Instagram accounts linked yet</p>
        <p className="mt-1">
          <Link href="/admin/accounts" className="font-medium text-blue-700 hover:underline">
            Link an account
          </Link>
          , then paste its webhook URLs into CM&apos;s Channels app.
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {/* The last good answer stays on screen; a failed refresh only says so. */}
      {query.isError && (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Could not refresh: {query.error.message} Showing what we knew before.
        </p>
      )}
      {accounts.map((account) => (
        <PipelineCard key={account.accountId} account={account} now={new Date(generatedAt)} />
      ))}
    </div>
  );
}
