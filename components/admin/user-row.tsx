"use client";

import Link from "next/link";
import { useState } from "react";
import { useSessionUser } from "@/components/auth/session-context";
import { ROLES, ZRole } from "@/lib/auth/roles";
import { useUpdateUser } from "@/lib/queries/admin";
import type { TUserView } from "@/lib/users/schemas";
import { AgentAccounts } from "./agent-accounts";
import { ErrorAlert } from "@/components/ui/error-alert";
import { ResetPasswordForm } from "./reset-password-form";
import { secondaryButton } from "@/components/ui/styles";

const COLUMNS = 7;

export function UserRow({ user }: { user: TUserView }) {
  const isMe = useSessionUser().id === user.id;
  const update = useUpdateUser();
  const [resetting, setResetting] = useState(false);
  const [notice, setNotice] = useState("");

  function changeRole(value: string) {
    const role = ZRole.safeParse(value);
    if (role.success) update.mutate({ id: user.id, input: { role: role.data } });
  }

  return (
    <>
      <tr className="border-t border-neutral-200">
        <td className="px-3 py-2 font-medium">
          {user.name}
          {isMe && <span className="ml-1 font-normal text-neutral-500">(you)</span>}
        </td>
        <td className="px-3 py-2 text-neutral-700">{user.email}</td>
        <td className="px-3 py-2">
          <RoleSelect user={user} disabled={update.isPending} onChange={changeRole} />
        </td>
        <td className="px-3 py-2">
          <AgentAccounts user={user} />
        </td>
        <td className="px-3 py-2">
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-medium ${
              user.active ? "bg-emerald-50 text-emerald-800" : "bg-neutral-100 text-neutral-600"
            }`}
          >
            {user.active ? "Active" : "Deactivated"}
          </span>
        </td>
        <td className="px-3 py-2">
          <span className="flex items-center gap-1.5 text-neutral-700">
            <span aria-hidden className={`size-2 rounded-full ${user.online ? "bg-emerald-500" : "bg-neutral-300"}`} />
            {user.online ? "Online" : "Offline"}
          </span>
        </td>
        <td className="px-3 py-2">
          <div className="flex justify-end gap-2 whitespace-nowrap">
            {isMe ? (
              <Link href="/account" className="text-sm font-medium text-blue-700 hover:underline">
                Change your password
              </Link>
            ) : (
              <>
                <button
                  type="button"
                  aria-label={`${user.active ? "Deactivate" : "Reactivate"} ${user.name}`}
                  className={secondaryButton}
                  disabled={update.isPending}
                  onClick={() => update.mutate({ id: user.id, input: { active: !user.active } })}
                >
                  {user.active ? "Deactivate" : "Reactivate"}
                </button>
                <button
                  type="button"
                  aria-label={`Reset password of ${user.name}`}
                  aria-expanded={resetting}
                  className={secondaryButton}
                  onClick={() => {
                    setNotice("");
                    setResetting(!resetting);
                  }}
                >
                  Reset password
                </button>
              </>
            )}
          </div>
        </td>
      </tr>
      {(resetting || update.error || notice) && (
        <tr>
          <td colSpan={COLUMNS} className="space-y-2 px-3 pb-3">
            <ErrorAlert error={update.error} />
            {resetting && (
              <ResetPasswordForm
                user={user}
                onCancel={() => setResetting(false)}
                onDone={() => {
                  setResetting(false);
                  setNotice(`New password set. ${user.name} was signed out everywhere.`);
                }}
              />
            )}
            {notice && (
              <p role="status" className="text-sm text-emerald-700">
                {notice}
              </p>
            )}
          </td>
        </tr>
      )}
    </>
  );
}

/** The user's role, controlled by the cache: a refused change (the last admin) snaps back by itself. */
function RoleSelect({
  user,
  disabled,
  onChange,
}: {
  user: TUserView;
  disabled: boolean;
  onChange: (role: string) => void;
}) {
  return (
    <select
      aria-label={`Role of ${user.name}`}
      value={user.role}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
      className="rounded-md border border-neutral-300 bg-white px-2 py-1 text-sm"
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {role === "admin" ? "Admin" : "Agent"}
        </option>
      ))}
    </select>
  );
}
