"use client";

import { useId, useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { validateForm, type TFieldErrors } from "@/components/ui/validate-form";
import { RichComposer } from "@/components/composer/rich-composer";
import type { TOutboundContentInput } from "@/lib/messages/compose-schemas";
import { useCreateSavedReply, useUpdateSavedReply } from "@/lib/queries/saved-replies";
import { PLACEHOLDERS } from "@/lib/saved-replies/placeholders";
import { CODE_MAX_CHARS, ZCreateSavedReply, type TSavedReplyView } from "@/lib/saved-replies/schemas";

/**
 * Creates or edits a saved reply: its code and title, and its content in the same visual
 * composer agents send with (placeholders shown as typed in the preview). Checked with the
 * server's schema before it is sent; the server's refusal (a taken code) is shown as it words it.
 */
export function SavedReplyEditor({
  reply,
  onDone,
  onCancel,
}: {
  reply: TSavedReplyView | undefined;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const headingId = useId();
  const [code, setCode] = useState(reply?.code ?? "");
  const [title, setTitle] = useState(reply?.title ?? "");
  const [errors, setErrors] = useState<TFieldErrors>({});
  const create = useCreateSavedReply();
  const update = useUpdateSavedReply();
  const write = reply ? update : create;

  function save(content: TOutboundContentInput) {
    const checked = validateForm(ZCreateSavedReply, { code, title, content });
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    const done = (saved: TSavedReplyView) => onDone(`Saved “${saved.title}” as /${saved.code}.`);
    if (reply) update.mutate({ id: reply.id, input: checked.data }, { onSuccess: done });
    else create.mutate(checked.data, { onSuccess: done });
  }

  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-md border border-neutral-200 bg-white p-4">
      <h2 id={headingId} className="text-base font-semibold">
        {reply ? `Edit “${reply.title}”` : "New saved reply"}
      </h2>
      <div className="grid gap-4 sm:grid-cols-[12rem_minmax(0,1fr)]">
        <Field
          label="Code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          autoComplete="off"
          required
          maxLength={CODE_MAX_CHARS}
          hint="Typed after “/” in the reply box: letters, digits, “-” and “_”."
          error={errors.code}
        />
        <Field
          label="Title"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          autoComplete="off"
          required
          hint="What the team sees in the list."
          error={errors.title}
        />
      </div>
      <p className="text-sm text-neutral-600">
        Placeholders, filled when the reply is inserted in a conversation:{" "}
        {PLACEHOLDERS.map((p, i) => (
          <span key={p}>
            {i > 0 && ", "}
            <code className="font-mono text-neutral-800">{`{{${p}}}`}</code>
          </span>
        ))}
        . A customer without a name gets their username, else nothing. A long name can push a reply over Instagram’s
        limits; the composer then says so before anything is sent.
      </p>
      {errors.content && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {errors.content}
        </p>
      )}
      <ErrorAlert error={write.error} />
      <div className="overflow-hidden rounded-md border border-neutral-200">
        <RichComposer purpose="save" initialContent={reply?.content} onSend={save} onCancel={onCancel} />
      </div>
    </section>
  );
}
