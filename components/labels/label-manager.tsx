"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { ConfirmInPlace } from "@/components/ui/confirm-in-place";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { dangerButton, inputClass, primaryButton, secondaryButton } from "@/components/ui/styles";
import { formText, validateForm, type TFieldErrors } from "@/components/ui/validate-form";
import { LABEL_COLORS, LABEL_NAME_MAX, ZCreateLabel, type TLabel, type TLabelColor } from "@/lib/labels/schemas";
import {
  createLabel,
  deleteLabel,
  labelKeys,
  labelsQuery,
  removeLabel,
  updateLabel,
  upsertLabel,
} from "@/lib/queries/labels";
import { LabelChip } from "./label-chips";
import { LABEL_COLOR_NAMES } from "./label-colors";

/** The admin's list of labels: create, rename, recolour, delete. */
export function LabelManager() {
  const labels = useQuery(labelsQuery);
  return (
    <div className="space-y-6">
      <section aria-label="All labels" className="rounded-md border border-neutral-200 bg-white">
        {labels.isPending && <p className="p-4 text-sm text-neutral-500">Loading labels…</p>}
        <ErrorAlert error={labels.error} className="m-4" />
        {labels.data?.length === 0 && (
          <p className="p-4 text-sm text-neutral-600">No labels yet: create the first below.</p>
        )}
        <ul className="divide-y divide-neutral-100">
          {labels.data?.map((label) => (
            <LabelRow key={label.id} label={label} />
          ))}
        </ul>
      </section>
      <LabelForm />
    </div>
  );
}

function useLabelWrite<TVariables, TResult>(
  mutationFn: (variables: TVariables) => Promise<TResult>,
  update: (labels: TLabel[] | undefined, result: TResult, variables: TVariables) => TLabel[] | undefined,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result, variables) =>
      queryClient.setQueryData<TLabel[]>(labelKeys.list(), (labels) => update(labels, result, variables)),
  });
}

function LabelForm({
  label,
  onDone,
}: {
  /** The label being edited; none: a new one. */
  label?: TLabel;
  onDone?: () => void;
}) {
  const headingId = useId();
  const colorId = useId();
  const [errors, setErrors] = useState<TFieldErrors>({});
  const save = useLabelWrite(
    (input: { name: string; color: TLabelColor }) => (label ? updateLabel(label.id, input) : createLabel(input)),
    (labels, saved) => upsertLabel(labels, saved),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const checked = validateForm(ZCreateLabel, { name: formText(form, "name"), color: formText(form, "color") });
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    save.mutate(checked.data, {
      onSuccess: () => {
        if (!label) formElement.reset();
        onDone?.();
      },
    });
  }

  const title = label ? `Edit ${label.name}` : "Create a label";
  return (
    <form
      aria-labelledby={headingId}
      noValidate
      onSubmit={onSubmit}
      className={label ? "space-y-3 p-4" : "space-y-4 rounded-md border border-neutral-200 bg-white p-4"}
    >
      <h2 id={headingId} className={label ? "sr-only" : "text-base font-semibold"}>
        {title}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Name"
          name="name"
          autoComplete="off"
          required
          maxLength={LABEL_NAME_MAX}
          defaultValue={label?.name}
          error={errors.name}
        />
        <div>
          <label htmlFor={colorId} className="block text-sm font-medium">
            Colour
          </label>
          <select id={colorId} name="color" defaultValue={label?.color ?? "blue"} className={`${inputClass} bg-white`}>
            {LABEL_COLORS.map((color) => (
              <option key={color} value={color}>
                {LABEL_COLOR_NAMES[color]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorAlert error={save.error} />
      <div className="flex gap-2">
        <button type="submit" className={primaryButton} disabled={save.isPending}>
          {save.isPending ? "Saving…" : label ? "Save label" : "Create label"}
        </button>
        {label && (
          <button type="button" className={secondaryButton} onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

function LabelRow({ label }: { label: TLabel }) {
  const [mode, setMode] = useState<"view" | "edit" | "delete">("view");
  const remove = useLabelWrite(
    (id: string) => deleteLabel(id),
    (labels, _, id) => removeLabel(labels, id),
  );
  if (mode === "edit") {
    return (
      <li>
        <LabelForm label={label} onDone={() => setMode("view")} />
      </li>
    );
  }
  return (
    <li className="flex flex-wrap items-center gap-2 px-4 py-3 text-sm">
      <span className="flex-1">
        <LabelChip label={label} />
        <span className="ml-2 text-xs text-neutral-600">{LABEL_COLOR_NAMES[label.color]}</span>
      </span>
      {mode === "view" ? (
        <>
          <button type="button" className={secondaryButton} onClick={() => setMode("edit")}>
            Edit<span className="sr-only"> {label.name}</span>
          </button>
          <button type="button" className={dangerButton} onClick={() => setMode("delete")}>
            Delete<span className="sr-only"> {label.name}</span>
          </button>
        </>
      ) : (
        <ConfirmInPlace
          name={`Delete ${label.name}`}
          question={`Delete ${label.name} and take it off every conversation?`}
          confirm="Yes, delete"
          busy="Deleting…"
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(label.id)}
          onCancel={() => setMode("view")}
        />
      )}
    </li>
  );
}
