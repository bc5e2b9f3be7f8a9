"use client";

import { useState, type FormEvent } from "react";
import { ZUpdateAccount, type TAccountView } from "@/lib/accounts/schemas";
import { useUpdateAccount } from "@/lib/queries/admin";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { primaryButton, secondaryButton } from "@/components/ui/styles";
import { formText, validateForm, type TFieldErrors } from "@/components/ui/validate-form";

export function AccountEditForm({ account, onDone }: { account: TAccountView; onDone: () => void }) {
  const update = useUpdateAccount();
  const [errors, setErrors] = useState<TFieldErrors>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const productToken = formText(form, "productToken");
    const checked = validateForm(ZUpdateAccount, {
      displayName: formText(form, "displayName"),
      cmBaseUrl: formText(form, "cmBaseUrl") || null,
      // Empty keeps the stored token: the browser never holds it, so it cannot prefill it.
      ...(productToken ? { productToken } : {}),
    });
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) update.mutate({ id: account.id, input: checked.data }, { onSuccess: onDone });
  }

  return (
    <form
      aria-label={`Edit ${account.displayName}`}
      noValidate
      onSubmit={onSubmit}
      className="space-y-3 rounded-md bg-neutral-50 p-4"
    >
      <Field
        label="Display name"
        name="displayName"
        defaultValue={account.displayName}
        required
        error={errors.displayName}
      />
      <Field
        label="CM gateway base URL"
        name="cmBaseUrl"
        type="url"
        optional
        defaultValue={account.cmBaseUrl ?? ""}
        placeholder="https://gw.messaging.cm.com"
        hint="Leave empty to use this server's default gateway."
        error={errors.cmBaseUrl}
      />
      <Field
        label="Replace product token"
        name="productToken"
        type="password"
        autoComplete="off"
        optional
        hint={`Leave empty to keep the current token (${account.productTokenMasked}).`}
        error={errors.productToken}
      />
      <ErrorAlert error={update.error} />
      <div className="flex gap-2">
        <button type="submit" className={primaryButton} disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save changes"}
        </button>
        <button type="button" className={secondaryButton} onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
