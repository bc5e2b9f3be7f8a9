"use client";

import { useId, useState, type FormEvent } from "react";
import { useCreateUser } from "@/lib/queries/admin";
import { ZCreateUser } from "@/lib/users/schemas";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { inputClass, primaryButton } from "@/components/ui/styles";
import { formText, validateForm, type TFieldErrors } from "@/components/ui/validate-form";

export function AddPersonForm() {
  const headingId = useId();
  const roleId = useId();
  const create = useCreateUser();
  const [errors, setErrors] = useState<TFieldErrors>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const checked = validateForm(ZCreateUser, {
      name: formText(form, "name"),
      email: formText(form, "email"),
      role: formText(form, "role"),
      password: form.get("password"),
    });
    setErrors(checked.ok ? {} : checked.errors);
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
        Add a person
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" autoComplete="off" required error={errors.name} />
        <Field label="Email" name="email" type="email" autoComplete="off" required error={errors.email} />
        <div>
          <label htmlFor={roleId} className="block text-sm font-medium">
            Role
          </label>
          <select id={roleId} name="role" defaultValue="agent" className={`${inputClass} bg-white`}>
            <option value="agent">Agent: answers customers</option>
            <option value="admin">Admin: also links accounts and manages people</option>
          </select>
        </div>
        <Field
          label="Initial password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters. Share it privately; they can change it under their account."
          error={errors.password}
        />
      </div>
      <ErrorAlert error={create.error} />
      <p role="status" className="text-sm text-emerald-700">
        {create.isSuccess && `Added ${create.data.name} (${create.data.email}). They can sign in now.`}
      </p>
      <button type="submit" className={primaryButton} disabled={create.isPending}>
        {create.isPending ? "Adding…" : "Add person"}
      </button>
    </form>
  );
}
