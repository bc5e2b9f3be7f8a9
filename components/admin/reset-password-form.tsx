"use client";

import { useState, type FormEvent } from "react";
import { useResetPassword } from "@/lib/queries/admin";
import { ZResetPassword, type TUserView } from "@/lib/users/schemas";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { primaryButton, secondaryButton } from "@/components/ui/styles";
import { validateForm, type TFieldErrors } from "@/components/ui/validate-form";

export function ResetPasswordForm({
  user,
  onDone,
  onCancel,
}: {
  user: TUserView;
  onDone: () => void;
  onCancel: () => void;
}) {
  const reset = useResetPassword();
  const [errors, setErrors] = useState<TFieldErrors>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Not trimmed: spaces are allowed in a password.
    const password = new FormData(event.currentTarget).get("password");
    const checked = validateForm(ZResetPassword, { password });
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) reset.mutate({ id: user.id, password: checked.data.password }, { onSuccess: onDone });
  }

  return (
    <form
      aria-label={`Reset password of ${user.name}`}
      noValidate
      onSubmit={onSubmit}
      className="flex flex-wrap items-start gap-3 rounded-md bg-neutral-50 p-3"
    >
      <Field
        label={`New password for ${user.name}`}
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. Their open sessions end at once."
        error={errors.password}
        className="min-w-64 flex-1"
      />
      <div className="flex gap-2 pt-6">
        <button type="submit" className={primaryButton} disabled={reset.isPending}>
          {reset.isPending ? "Setting…" : "Set password"}
        </button>
        <button type="button" className={secondaryButton} onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ErrorAlert error={reset.error} className="w-full" />
    </form>
  );
}
