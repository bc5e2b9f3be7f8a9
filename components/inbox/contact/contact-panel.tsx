"use client";

import { useQuery } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useRef } from "react";
import { CopyField } from "@/components/ui/copy-field";
import { LabelChips } from "@/components/labels/label-chips";
import type { TConversationSummary } from "@/lib/conversations/summary";
import { contactKeys, fetchContact } from "@/lib/queries/contact";
import { ContactNotes } from "./contact-notes";
import { contactName } from "@/lib/contacts/contact-name";
import type { TContactDetails } from "@/lib/contacts/schemas";
import { isSurveyScore, ratedText } from "@/lib/surveys/survey-message";

const PANEL_ID = "contact-panel";
const TOGGLE_ID = "contact-panel-toggle";

const DATE_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

/** Whether the panel is open on a narrow screen, shared by the header's toggle and the panel. */
export const ContactPanelState = createContext<{ open: boolean; toggle: () => void } | null>(null);

/**
 * Opens the contact panel on narrow screens, where it would squeeze the thread; from `lg` up
 * the panel is always there beside the thread and this button is hidden.
 */
export function ContactToggle() {
  const state = useContext(ContactPanelState);
  if (!state) return null;
  const { open, toggle: onToggle } = state;
  return (
    <button
      id={TOGGLE_ID}
      type="button"
      aria-expanded={open}
      aria-controls={PANEL_ID}
      onClick={onToggle}
      className="rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-sm font-medium text-neutral-800 hover:bg-neutral-50 lg:hidden"
    >
      Contact
    </button>
  );
}

/**
 * Who the customer is, beside the thread: name, @username (to their Instagram profile), IGSID,
 * the account, first and last contact, how many messages, the labels, and the customer notes
 * every agent with access edits. A right column from `lg` up; below, a full-screen sheet
 * opened by ContactToggle (Escape or Close shuts it).
 */
export function ContactPanel({
  conversation,
  open,
  onClose,
}: {
  conversation: TConversationSummary;
  open: boolean;
  onClose: () => void;
}) {
  const contact = useQuery({
    queryKey: contactKeys.ofConversation(conversation.id),
    queryFn: () => fetchContact(conversation.id),
  });
  const closeButton = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (!open) return;
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") closeToToggle(onClose);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open, onClose]);

  const data = contact.data;
  return (
    <section
      id={PANEL_ID}
      aria-label="Contact"
      className={`${open ? "fixed inset-0 z-30 flex" : "hidden"} flex-col overflow-y-auto bg-white text-sm lg:static lg:z-auto lg:flex lg:w-72 lg:shrink-0 lg:border-l lg:border-neutral-200`}
    >
      <div className="flex items-center justify-between border-b border-neutral-200 px-4 py-3">
        <h2 className="font-semibold">Contact</h2>
        <button
          ref={closeButton}
          type="button"
          onClick={() => closeToToggle(onClose)}
          className="rounded-md border border-neutral-300 px-2 py-0.5 text-sm font-medium text-neutral-800 hover:bg-neutral-50 lg:hidden"
        >
          Close
        </button>
      </div>
      <div className="space-y-4 px-4 py-3">
        {contact.isPending && (
          <p role="status" className="text-neutral-500">
            Loading the contact…
          </p>
        )}
        {contact.isError && (
          <p role="alert" className="text-red-800">
            The contact could not be loaded: {contact.error.message}
          </p>
        )}
        {data && (
          <>
            <div>
              <p className="text-base font-semibold break-words">{contactName(data)}</p>
              {data.username && (
                <a
                  href={`https://www.instagram.com/${encodeURIComponent(data.username)}/`}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="font-medium break-all text-blue-700 hover:underline"
                >
                  @{data.username}
                  <span className="sr-only"> on Instagram (opens in a new tab)</span>
                </a>
              )}
            </div>
            <CopyField label="IGSID" value={data.igsid} />
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              <dt className="text-neutral-600">Account</dt>
              <dd className="break-words">{data.accountName}</dd>
              <dt className="text-neutral-600">First contact</dt>
              <dd>{formatDate(data.firstContactAt)}</dd>
              <dt className="text-neutral-600">Last contact</dt>
              <dd>{formatDate(data.lastContactAt)}</dd>
              <dt className="text-neutral-600">Messages</dt>
              <dd>
                {data.messages.total} ({data.messages.customer} from the customer)
              </dd>
              {data.lastSurvey && <LastSurvey survey={data.lastSurvey} />}
              <dt className="text-neutral-600">Labels</dt>
              <dd>
                {conversation.labels.length ? (
                  <LabelChips labels={conversation.labels} className="flex-wrap" />
                ) : (
                  <span className="text-neutral-600">None</span>
                )}
              </dd>
            </dl>
            <ContactNotes conversationId={conversation.id} contact={data} />
          </>
        )}
      </div>
    </section>
  );
}

/** The customer's newest survey answer (issue 19): "Rated 5/5 😍", when, and their comment. */
function LastSurvey({ survey }: { survey: NonNullable<TContactDetails["lastSurvey"]> }) {
  return (
    <>
      <dt className="text-neutral-600">Last survey</dt>
      <dd>
        {isSurveyScore(survey.score) ? ratedText(survey.score) : survey.score} · {formatDate(survey.answeredAt)}
        {survey.comment && <q className="block text-neutral-700 italic">{survey.comment}</q>}
      </dd>
    </>
  );
}

function formatDate(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString(undefined, DATE_FORMAT) : "—";
}

/** Closes the panel (a phone's overlay) and gives focus back to the header's Contact button. */
function closeToToggle(onClose: () => void): void {
  onClose();
  document.getElementById(TOGGLE_ID)?.focus();
}
