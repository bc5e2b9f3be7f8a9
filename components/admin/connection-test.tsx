"use client";

import { useTestConnection } from "@/lib/queries/admin";
import { ErrorAlert } from "@/components/ui/error-alert";
import { secondaryButton } from "@/components/ui/styles";

/** Asks CM whether it knows the stored token and shows its answer in plain words. */
export function ConnectionTest({ accountId }: { accountId: string }) {
  const test = useTestConnection();
  const result = test.isPending ? undefined : test.data;

  return (
    <div className="min-w-0 flex-1 space-y-2">
      <button
        type="button"
        className={secondaryButton}
        disabled={test.isPending}
        onClick={() => test.mutate(accountId)}
      >
        {test.isPending ? "Testing…" : "Test connection"}
      </button>
      {/* Always rendered, so screen readers announce the answer when it arrives. */}
      <p
        role="status"
        aria-label="Connection test result"
        className={`text-sm ${result?.ok ? "text-emerald-700" : "text-red-700"}`}
      >
        {result?.message}
      </p>
      <ErrorAlert error={test.error} />
    </div>
  );
}
