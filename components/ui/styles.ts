// Class lists the screens share, so buttons and inputs look alike on every page.
export const inputClass =
  "mt-1 block w-full rounded-md border border-neutral-300 px-3 py-2 text-sm aria-invalid:border-red-400 read-only:bg-neutral-50";
export const primaryButton =
  "rounded-md bg-neutral-900 px-4 py-2 text-sm font-medium text-white hover:bg-neutral-800 disabled:opacity-60";
export const secondaryButton =
  "rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium text-neutral-800 hover:bg-neutral-50 disabled:opacity-60";
export const dangerButton =
  "rounded-md border border-red-200 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60";
/** The smaller button and input of dense forms (the rich composer's editors). */
export const smallButton =
  "rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-xs font-medium text-neutral-800 hover:bg-neutral-50 disabled:opacity-50";
export const compactInputClass =
  "mt-1 block w-full rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm aria-invalid:border-red-400 disabled:bg-neutral-100";
