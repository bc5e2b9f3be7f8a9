"use client";

import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { primaryButton, secondaryButton } from "@/components/ui/styles";
import { useSaveSlaPolicy } from "@/lib/queries/sla-policies";
import { ZSlaPolicyInput, type TSlaPolicy } from "@/lib/sla/schemas";

const FIELDS = [
  ["firstResponseMinutes", "First response target (minutes)", "From the customer's first message to the first reply."],
  [
    "nextResponseMinutes",
    "Next response target (minutes)",
    "How long an answered customer may wait for the next reply.",
  ],
  ["resolutionMinutes", "Resolution target (minutes)", "From the customer's first message to resolved."],
] as const;

type TKey = (typeof FIELDS)[number][0];

/**
 * One SLA policy's targets (empty: no target of that kind) and "Business hours only": the
 * default (accountId null) or an account's own, which "Use the default" removes.
 */
export function SlaPolicyForm({
  accountId,
  name,
  policy,
}: {
  accountId: string | null;
  /** "Default policy" or the account's name: the form's accessible name. */
  name: string;
  policy: TSlaPolicy | null;
}) {
  const save = useSaveSlaPolicy(accountId);
  const [values, setValues] = useState<Record<TKey, string>>(() => ({
    firstResponseMinutes: String(policy?.firstResponseMinutes ?? ""),
    nextResponseMinutes: String(policy?.nextResponseMinutes ?? ""),
    resolutionMinutes: String(policy?.resolutionMinutes ?? ""),
  }));
  const [businessHoursOnly, setBusinessHoursOnly] = useState(policy?.businessHoursOnly ?? false);
  const [errors, setErrors] = useState<Partial<Record<TKey, string>>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minutes = (v: string) => (v.trim() === "" ? null : Number(v));
    const parsed = ZSlaPolicyInput.safeParse({
      firstResponseMinutes: minutes(values.firstResponseMinutes),
      nextResponseMinutes: minutes(values.nextResponseMinutes),
      resolutionMinutes: minutes(values.resolutionMinutes),
      businessHoursOnly,
    });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  };

  return (
    <form aria-label={name} onSubmit={submit} noValidate className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-3">
        {FIELDS.map(([key, label, hint]) => (
          <Field
            key={key}
            label={label}
            hint={hint}
            optional
            inputMode="numeric"
            value={values[key]}
            error={errors[key]}
            onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
          />
        ))}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={businessHoursOnly} onChange={(e) => setBusinessHoursOnly(e.target.checked)} />
        Business hours only
      </label>
      <ErrorAlert error={save.error} />
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className={primaryButton} disabled={save.isPending}>
          Save
        </button>
        {policy && (
          <button type="button" className={secondaryButton} disabled={save.isPending} onClick={() => save.mutate(null)}>
            {accountId === null ? "Remove the default" : "Use the default"}
          </button>
        )}
        {save.isSuccess && (
          <p role="status" className="text-sm text-green-800">
            {save.data ? "Saved." : "Removed."}
          </p>
        )}
      </div>
    </form>
  );
}
