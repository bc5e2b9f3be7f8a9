"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { THookEndpoint } from "@/lib/hooks/schemas";
import { resendWebhookDelivery, webhookAttemptsQuery, webhookKeys } from "@/lib/queries/webhooks";

/** An endpoint's latest attempts (Admin → Webhooks), refreshed while open; a settled delivery can be resent. */
export function DeliveryLog({ endpoint }: { endpoint: THookEndpoint }) {
  const attempts = useQuery(webhookAttemptsQuery(endpoint.id));
  const queryClient = useQueryClient();
  const resend = useMutation({
    mutationFn: (deliveryId: string) => resendWebhookDelivery(endpoint.id, deliveryId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webhookKeys.attempts(endpoint.id) }),
  });
  return (
    <section
      aria-label={`Delivery log of ${endpoint.url}`}
      className="overflow-x-auto rounded border border-neutral-200"
    >
      {attempts.isPending && <p className="p-3 text-neutral-500">Loading the delivery log…</p>}
      <ErrorAlert error={attempts.error ?? resend.error} className="m-3" />
      {attempts.data?.length === 0 && <p className="p-3 text-neutral-600">No deliveries tried yet.</p>}
      {attempts.data && attempts.data.length > 0 && (
        <table className="w-full text-left text-xs">
          <thead className="bg-neutral-50 text-neutral-600">
            <tr>
              <th className="px-2 py-1 font-medium">Time</th>
              <th className="px-2 py-1 font-medium">Event</th>
              <th className="px-2 py-1 font-medium">Answer</th>
              <th className="px-2 py-1 font-medium">Latency</th>
              <th className="px-2 py-1 font-medium">Response</th>
              <th className="px-2 py-1 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {attempts.data.map((attempt) => (
              <tr key={attempt.id}>
                <td className="whitespace-nowrap px-2 py-1">{new Date(attempt.at).toLocaleString()}</td>
                <td className="px-2 py-1">
                  {attempt.eventType} <code className="text-neutral-500">{attempt.eventId}</code>
                </td>
                <td
                  className={`px-2 py-1 ${attempt.status !== null && attempt.status < 300 ? "text-emerald-700" : "text-red-700"}`}
                >
                  {attempt.status ?? "no answer"}
                  {attempt.deliveryState === "PENDING" && attempt.status !== 200 && " · will retry"}
                  {attempt.deliveryState === "FAILED" && " · failed"}
                </td>
                <td className="px-2 py-1">{attempt.latencyMs} ms</td>
                <td className="max-w-xs truncate px-2 py-1" title={attempt.error ?? attempt.response ?? ""}>
                  {attempt.error ?? attempt.response}
                </td>
                <td className="px-2 py-1">
                  {attempt.deliveryState !== "PENDING" && (
                    <button
                      type="button"
                      className="text-blue-700 hover:underline disabled:opacity-50"
                      disabled={resend.isPending || !endpoint.enabled}
                      onClick={() => resend.mutate(attempt.deliveryId)}
                    >
                      Resend<span className="sr-only"> {attempt.eventId}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
