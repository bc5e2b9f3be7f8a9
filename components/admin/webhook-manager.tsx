"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { AccountsFieldset } from "@/components/ui/accounts-fieldset";
import { ConfirmInPlace } from "@/components/ui/confirm-in-place";
import { CopyField } from "@/components/ui/copy-field";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { dangerButton, primaryButton, secondaryButton, smallButton } from "@/components/ui/styles";
import { formText, validateForm, type TFieldErrors } from "@/components/ui/validate-form";
import { HOOK_EVENTS, ZCreateHookEndpoint, type THookEndpoint, type THookEventType } from "@/lib/hooks/schemas";
import { accountsQuery } from "@/lib/queries/admin";
import { DeliveryLog } from "./webhook-delivery-log";
import {
  createWebhook,
  removeWebhook,
  sendWebhookTest,
  setWebhookEnabled,
  upsertWebhook,
  webhookKeys,
  webhooksQuery,
} from "@/lib/queries/webhooks";

const EVENT_TEXT: Record<THookEventType, string> = {
  "conversation.created": "A customer writes for the first time",
  "conversation.updated": "Owner, status, snooze, handover or labels change",
  "message.created": "A message is received or sent",
  "message.updated": "A message's delivery state changes, or the customer deletes it",
  "contact.updated": "A contact's name or notes change",
  "survey.answered": "A customer answers a satisfaction survey",
};

/** Admin → Webhooks: endpoints other systems receive events at; add (secret shown once), test, log, turn off. */
export function WebhookManager() {
  const endpoints = useQuery(webhooksQuery);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const disabled = endpoints.data?.filter((e) => !e.enabled) ?? [];
  return (
    <div className="space-y-6">
      {disabled.length > 0 && (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {disabled.length === 1 ? "One endpoint is" : `${disabled.length} endpoints are`} turned off and receive
          nothing: {disabled.map((e) => `${e.url} (${e.disabledReason ?? "turned off"})`).join("; ")}. Mend the
          receiver, then turn it back on: its pending deliveries resume.
        </div>
      )}
      {created && <NewSecretPanel {...created} onDone={() => setCreated(null)} />}
      <section aria-label="Webhook endpoints" className="rounded-md border border-neutral-200 bg-white">
        {endpoints.isPending && <p className="p-4 text-sm text-neutral-500">Loading webhook endpoints…</p>}
        <ErrorAlert error={endpoints.error} className="m-4" />
        {endpoints.data?.length === 0 && (
          <p className="p-4 text-sm text-neutral-600">No webhook endpoints yet: add the first below.</p>
        )}
        <ul className="divide-y divide-neutral-100">
          {endpoints.data?.map((endpoint) => (
            <EndpointRow key={endpoint.id} endpoint={endpoint} />
          ))}
        </ul>
      </section>
      <EndpointForm onCreated={setCreated} />
    </div>
  );
}

function NewSecretPanel({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-md border border-emerald-300 bg-emerald-50 p-4">
      <h2 id={headingId} className="break-all text-base font-semibold">
        {url}: copy the signing secret now
      </h2>
      <p className="text-sm text-neutral-700">
        The receiver checks each delivery&apos;s <code>webhook-signature</code> with it (Standard Webhooks). This is the
        only time it is shown; if it is lost, remove the endpoint and add it again.
      </p>
      <CopyField label="Signing secret" value={secret} />
      <button type="button" className={secondaryButton} onClick={onDone}>
        Done
      </button>
    </section>
  );
}

function EndpointForm({ onCreated }: { onCreated: (created: { url: string; secret: string }) => void }) {
  const headingId = useId();
  const accounts = useQuery(accountsQuery);
  const queryClient = useQueryClient();
  const [allAccounts, setAllAccounts] = useState(true);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const create = useMutation({
    mutationFn: createWebhook,
    onSuccess: ({ endpoint }) =>
      queryClient.setQueryData<THookEndpoint[]>(webhookKeys.list(), (list) => upsertWebhook(list, endpoint)),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const checked = validateForm(ZCreateHookEndpoint, {
      url: formText(form, "url"),
      description: formText(form, "description"),
      events: form.getAll("event").map(String),
      includeNotes: form.get("includeNotes") === "on",
      accounts: allAccounts ? "all" : form.getAll("account").map(String),
    });
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    create.mutate(checked.data, {
      onSuccess: ({ endpoint, secret }) => {
        formElement.reset();
        setAllAccounts(true);
        onCreated({ url: endpoint.url, secret });
      },
    });
  }

  return (
    <form
      aria-labelledby={headingId}
      noValidate
      onSubmit={onSubmit}
      className="space-y-4 rounded-md border border-neutral-200 bg-white p-4"
    >
      <h2 id={headingId} className="text-base font-semibold">
        Add a webhook endpoint
      </h2>
      <Field
        label="URL"
        name="url"
        type="url"
        autoComplete="off"
        required
        placeholder="https://crm.example.com/hooks/instagram"
        hint="Where each event is POSTed as JSON: https, on a public address."
        error={errors.url}
      />
      <Field label="Description" name="description" autoComplete="off" optional error={errors.description} />
      <fieldset>
        <legend className="text-sm font-medium">Events</legend>
        <div className="mt-1 space-y-1">
          {HOOK_EVENTS.map((type) => (
            <label key={type} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="event" value={type} defaultChecked className="mt-1" />
              <span>
                {EVENT_TEXT[type]} <code className="text-xs text-neutral-500">{type}</code>
              </span>
            </label>
          ))}
        </div>
        {errors.events && <p className="mt-1 text-sm text-red-700">{errors.events}</p>}
        <label className="mt-2 flex items-center gap-2 text-sm">
          <input type="checkbox" name="includeNotes" />
          Include private notes in message.created
        </label>
      </fieldset>
      <AccountsFieldset all={allAccounts} onAllChange={setAllAccounts} accounts={accounts} error={errors.accounts} />
      <ErrorAlert error={create.error} />
      <button type="submit" className={primaryButton} disabled={create.isPending}>
        {create.isPending ? "Adding…" : "Add endpoint"}
      </button>
    </form>
  );
}

function EndpointRow({ endpoint }: { endpoint: THookEndpoint }) {
  const [confirming, setConfirming] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  const queryClient = useQueryClient();
  const replace = (updated: THookEndpoint) =>
    queryClient.setQueryData<THookEndpoint[]>(webhookKeys.list(), (list) => upsertWebhook(list, updated));
  const toggle = useMutation({ mutationFn: (on: boolean) => setWebhookEnabled(endpoint.id, on), onSuccess: replace });
  const test = useMutation({
    mutationFn: () => sendWebhookTest(endpoint.id),
    onSuccess: () => {
      setLogOpen(true);
      void queryClient.invalidateQueries({ queryKey: webhookKeys.attempts(endpoint.id) });
    },
  });
  const remove = useMutation({
    mutationFn: () => removeWebhook(endpoint.id),
    onSuccess: () =>
      queryClient.setQueryData<THookEndpoint[]>(webhookKeys.list(), (list) =>
        list?.filter((e) => e.id !== endpoint.id),
      ),
  });
  const accounts =
    endpoint.accounts === "all" ? "All accounts" : endpoint.accounts.map((a) => a.displayName).join(", ");
  return (
    <li className="space-y-2 px-4 py-3 text-sm">
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1 space-y-0.5">
          <p className="break-all font-medium">
            {endpoint.url}
            {!endpoint.enabled && (
              <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-normal text-amber-900">
                Turned off
              </span>
            )}
          </p>
          {endpoint.description && <p className="text-neutral-700">{endpoint.description}</p>}
          <p className="text-neutral-600">
            {endpoint.events.join(", ")}
            {endpoint.includeNotes && ", notes"}
          </p>
          <p className="text-neutral-600">{accounts}</p>
          <p className="text-xs text-neutral-500">
            {endpoint.pending} waiting · {endpoint.failed} failed in the last 3 days
            {endpoint.disabledReason && ` · turned off: ${endpoint.disabledReason}`}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className={smallButton}
            disabled={!endpoint.enabled || test.isPending}
            onClick={() => test.mutate()}
          >
            Send a test event<span className="sr-only"> to {endpoint.url}</span>
          </button>
          <button type="button" className={smallButton} aria-expanded={logOpen} onClick={() => setLogOpen(!logOpen)}>
            Delivery log<span className="sr-only"> of {endpoint.url}</span>
          </button>
          <button
            type="button"
            className={smallButton}
            disabled={toggle.isPending}
            onClick={() => toggle.mutate(!endpoint.enabled)}
          >
            {endpoint.enabled ? "Turn off" : "Turn on"}
            <span className="sr-only"> {endpoint.url}</span>
          </button>
          {!confirming && (
            <button type="button" className={dangerButton} onClick={() => setConfirming(true)}>
              Remove<span className="sr-only"> {endpoint.url}</span>
            </button>
          )}
        </div>
      </div>
      <ErrorAlert error={toggle.error ?? test.error} />
      {confirming && (
        <ConfirmInPlace
          name={`Remove ${endpoint.url}`}
          question="Remove this endpoint? It receives nothing more, and its delivery log is deleted."
          confirm="Yes, remove"
          busy="Removing…"
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate()}
          onCancel={() => setConfirming(false)}
        />
      )}
      {logOpen && <DeliveryLog endpoint={endpoint} />}
    </li>
  );
}
