"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { BotFields, botFieldValues } from "./bot-fields";
import { AccountsFieldset, type TAccountChoices } from "@/components/ui/accounts-fieldset";
import { ConfirmInPlace } from "@/components/ui/confirm-in-place";
import { CopyField } from "@/components/ui/copy-field";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { dangerButton, primaryButton, secondaryButton } from "@/components/ui/styles";
import { formText, validateForm, type TFieldErrors } from "@/components/ui/validate-form";
import {
  API_SCOPES,
  API_TOKEN_NAME_MAX,
  ZCreateApiToken,
  type TApiScope,
  type TApiToken,
} from "@/lib/api-tokens/schemas";
import { accountsQuery } from "@/lib/queries/admin";
import {
  apiTokenKeys,
  apiTokensQuery,
  createApiToken,
  revokeApiToken,
  upsertApiToken,
  type TTokenOwner,
} from "@/lib/queries/api-tokens";
import { useInboxAccounts } from "@/lib/queries/inbox-accounts";

const SCOPE_TEXT: Record<TApiScope, string> = {
  "conversations:read": "Read conversations, messages and contacts",
  "messages:write": "Send messages and write notes",
  "conversations:write": "Assign, label, resolve and snooze conversations",
  "reports:read": "Read reports",
};

const TEXT: Record<TTokenOwner, { list: string; form: string; empty: string }> = {
  team: { list: "API tokens", form: "Create an API token", empty: "No API tokens yet: create the first below." },
  personal: {
    list: "Your API tokens",
    form: "Create a personal API token",
    empty: "No personal API tokens yet: create one below for a script or tool of your own.",
  },
};

/**
 * API tokens, shown once when created, revoked at once: Admin → API tokens (`team`: every token,
 * personal ones included) or Your account (`personal`: the person's own, held to what they may do).
 */
export function ApiTokenManager({ owner = "team" }: { owner?: TTokenOwner }) {
  const tokens = useQuery(apiTokensQuery(owner));
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  return (
    <div className="space-y-6">
      <p className="text-sm text-neutral-600">
        Every operation, its scope, parameters and answers:{" "}
        <Link href="/docs/api" className="font-medium text-blue-700 hover:underline">
          API reference
        </Link>
      </p>
      {created && <NewTokenPanel {...created} onDone={() => setCreated(null)} />}
      <section aria-label={TEXT[owner].list} className="rounded-md border border-neutral-200 bg-white">
        {tokens.isPending && <p className="p-4 text-sm text-neutral-500">Loading API tokens…</p>}
        <ErrorAlert error={tokens.error} className="m-4" />
        {tokens.data?.length === 0 && <p className="p-4 text-sm text-neutral-600">{TEXT[owner].empty}</p>}
        <ul className="divide-y divide-neutral-100">
          {tokens.data?.map((token) => (
            <TokenRow key={token.id} token={token} owner={owner} />
          ))}
        </ul>
      </section>
      {owner === "team" ? <TeamTokenForm onCreated={setCreated} /> : <PersonalTokenForm onCreated={setCreated} />}
    </div>
  );
}

function NewTokenPanel({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-md border border-emerald-300 bg-emerald-50 p-4">
      <h2 id={headingId} className="text-base font-semibold">
        {name}: copy the token now
      </h2>
      <p className="text-sm text-neutral-700">
        This is the only time it is shown: only a fingerprint of it is kept. Store it where the other system keeps its
        secrets; if it is lost, revoke it and create another.
      </p>
      <CopyField label="New API token" value={token} />
      <button type="button" className={secondaryButton} onClick={onDone}>
        Done
      </button>
    </section>
  );
}

type TOnCreated = (created: { name: string; token: string }) => void;

function TeamTokenForm({ onCreated }: { onCreated: TOnCreated }) {
  const accounts = useQuery(accountsQuery);
  return <TokenForm owner="team" accounts={accounts} onCreated={onCreated} />;
}

/** The accounts a person's token may reach: those they work (every one, for an admin). */
function PersonalTokenForm({ onCreated }: { onCreated: TOnCreated }) {
  const inbox = useInboxAccounts();
  return <TokenForm owner="personal" accounts={{ ...inbox, data: inbox.data?.accounts }} onCreated={onCreated} />;
}

function TokenForm({
  owner,
  accounts,
  onCreated,
}: {
  owner: TTokenOwner;
  accounts: TAccountChoices;
  onCreated: TOnCreated;
}) {
  const headingId = useId();
  const queryClient = useQueryClient();
  const [allAccounts, setAllAccounts] = useState(true);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const create = useMutation({
    mutationFn: (input: Parameters<typeof createApiToken>[0]) => createApiToken(input, owner),
    onSuccess: ({ apiToken }) =>
      queryClient.setQueryData<TApiToken[]>(apiTokenKeys.list(owner), (list) => upsertApiToken(list, apiToken)),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const checked = validateForm(ZCreateApiToken, {
      name: formText(form, "name"),
      scopes: form.getAll("scope").map(String),
      accounts: allAccounts ? "all" : form.getAll("account").map(String),
      ...(owner === "team" ? botFieldValues(form) : {}),
    });
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    create.mutate(checked.data, {
      onSuccess: ({ apiToken, token }) => {
        formElement.reset();
        setAllAccounts(true);
        onCreated({ name: apiToken.name, token });
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
        {TEXT[owner].form}
      </h2>
      <Field
        label="Name"
        name="name"
        autoComplete="off"
        required
        maxLength={API_TOKEN_NAME_MAX}
        hint="What will use it, e.g. “CRM sync”: its requests and messages are shown under this name."
        error={errors.name}
      />
      <fieldset>
        <legend className="text-sm font-medium">What it may do</legend>
        <div className="mt-1 space-y-1">
          {API_SCOPES.map((scope) => (
            <label key={scope} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="scope" value={scope} defaultChecked={scope === "conversations:read"} />
              {SCOPE_TEXT[scope]} <code className="text-xs text-neutral-500">{scope}</code>
            </label>
          ))}
        </div>
        {errors.scopes && <p className="mt-1 text-sm text-red-700">{errors.scopes}</p>}
      </fieldset>
      <AccountsFieldset all={allAccounts} onAllChange={setAllAccounts} accounts={accounts} error={errors.accounts} />
      {owner === "team" && <BotFields errors={errors} />}
      <ErrorAlert error={create.error} />
      <button type="submit" className={primaryButton} disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create token"}
      </button>
    </form>
  );
}

function TokenRow({ token, owner }: { token: TApiToken; owner: TTokenOwner }) {
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: string) => revokeApiToken(id, owner),
    onSuccess: (revoked) =>
      queryClient.setQueryData<TApiToken[]>(apiTokenKeys.list(owner), (list) => upsertApiToken(list, revoked)),
  });
  const accounts = token.accounts === "all" ? "All accounts" : token.accounts.map((a) => a.displayName).join(", ");
  return (
    <li className="flex flex-wrap items-start gap-3 px-4 py-3 text-sm">
      <div className="min-w-0 flex-1 space-y-0.5">
        <p className="font-medium">
          {token.name} <code className="ml-1 text-xs font-normal text-neutral-500">{token.prefix}…</code>
          {token.bot && (
            <span className="ml-2 rounded bg-violet-50 px-1.5 py-0.5 text-xs font-normal text-violet-800">
              Bot · hands over after {token.botSilenceSeconds} s of silence
            </span>
          )}
          {token.kind === "PERSONAL" && owner === "team" && (
            <span className="ml-2 rounded bg-blue-50 px-1.5 py-0.5 text-xs font-normal text-blue-800">Personal</span>
          )}
          {token.revokedAt && (
            <span className="ml-2 rounded bg-neutral-100 px-1.5 py-0.5 text-xs font-normal text-neutral-700">
              Revoked
            </span>
          )}
        </p>
        <p className="text-neutral-600">{token.scopes.join(", ")}</p>
        <p className="text-neutral-600">{accounts}</p>
        <p className="text-xs text-neutral-500">
          Created by {token.createdBy.name} on {new Date(token.createdAt).toLocaleString()} ·{" "}
          {token.lastUsedAt ? `last used ${new Date(token.lastUsedAt).toLocaleString()}` : "never used"}
          {token.revokedAt && ` · revoked ${new Date(token.revokedAt).toLocaleString()}`}
        </p>
      </div>
      {!token.revokedAt &&
        (confirming ? (
          <ConfirmInPlace
            name={`Revoke ${token.name}`}
            question={`Revoke ${token.name}? Requests with it are refused at once.`}
            confirm="Yes, revoke"
            busy="Revoking…"
            pending={revoke.isPending}
            error={revoke.error}
            onConfirm={() => revoke.mutate(token.id)}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <button type="button" className={dangerButton} onClick={() => setConfirming(true)}>
            Revoke<span className="sr-only"> {token.name}</span>
          </button>
        ))}
    </li>
  );
}
