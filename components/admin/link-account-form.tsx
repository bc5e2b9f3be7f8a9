"use client";

import { useId, useState, type FormEvent } from "react";
import { ZCreateAccount } from "@/lib/accounts/schemas";
import { useCreateAccount } from "@/lib/queries/admin";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { primaryButton } from "@/components/ui/styles";
import { formText, validateForm, type TFieldErrors } from "@/components/ui/validate-form";

export function LinkAccountForm() {
  const headingId = useId();
  const create = useCreateAccount();
  const [errors, setErrors] = useState<TFieldErrors>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const checked = validateForm(ZCreateAccount, {
      igAccountId: formText(form, "igAccountId"),
      displayName: formText(form, "displayName"),
      productToken: formText(form, "productToken"),
      cmBaseUrl: formText(form, "cmBaseUrl") || null,
    });
    setErrors(checked.ok ? {} : checked.errors);
    // Uncontrolled inputs and a reset on success: the token is never kept in React state.
    if (checked.ok) create.mutate(checked.data, { onSuccess: () => formElement.reset() });
  }

  return (
    <form
      aria-labelledby={headingId}
      noValidate
      onSubmit={onSubmit}
      className="space-y-4 rounded-md border border-neutral-200 bg-white p-4"
    >
      <h2 id={headingId} className="text-base font-semibold">
        Link an account
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Instagram account ID"
          name="igAccountId"
          inputMode="numeric"
          autoComplete="off"
          required
          hint="Digits only; CM.com shows it under Channels → Instagram."
          error={errors.igAccountId}
        />
        <Field label="Display name" name="displayName" autoComplete="off" required error={errors.displayName} />
        <Field
          label="CM product token"
          name="productToken"
          type="password"
          autoComplete="off"
          required
          hint="Stored encrypted; it is never shown again."
          error={errors.productToken}
        />
        <Field
          label="CM gateway base URL"
          name="cmBaseUrl"
          type="url"
          optional
          placeholder="https://gw.messaging.cm.com"
          hint="Leave empty to use this server's default gateway."
          error={errors.cmBaseUrl}
        />
      </div>
      <ErrorAlert error={create.error} />
      <p role="status" className="text-sm text-emerald-700">
        {create.isSuccess && `Linked ${create.data.displayName}. Paste its webhook URLs into CM.com's Channels app.`}
      </p>
      <button type="submit" className={primaryButton} disabled={create.isPending}>
        {create.isPending ? "Linking…" : "Link account"}
      </button>
    </form>
  );
}
