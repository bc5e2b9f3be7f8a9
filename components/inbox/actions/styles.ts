// The conversation actions' buttons, menus and times, alike in the header and its menus.
export const actionButton =
  "rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-sm font-medium text-neutral-800 hover:bg-neutral-50 disabled:opacity-50";

export const menuClass =
  "absolute left-0 z-20 mt-1 w-60 rounded-md border border-neutral-200 bg-white p-1 text-sm shadow-lg focus:outline-none";

/** A snooze's end: the weekday and time are enough within the week it is set for. */
export const TIME_FORMAT: Intl.DateTimeFormatOptions = { weekday: "short", hour: "2-digit", minute: "2-digit" };
