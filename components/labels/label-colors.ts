import type { TLabelColor } from "@/lib/labels/schemas";

// Written out whole so Tailwind finds every class. A -100 background with -800 text (amber:
// -900) passes WCAG AA (4.5:1) for each colour, at any text size.
export const LABEL_CHIP_CLASSES: Record<TLabelColor, string> = {
  gray: "bg-neutral-100 text-neutral-800 ring-neutral-300",
  red: "bg-red-100 text-red-800 ring-red-200",
  orange: "bg-orange-100 text-orange-800 ring-orange-200",
  amber: "bg-amber-100 text-amber-900 ring-amber-200",
  green: "bg-green-100 text-green-800 ring-green-200",
  teal: "bg-teal-100 text-teal-800 ring-teal-200",
  blue: "bg-blue-100 text-blue-800 ring-blue-200",
  indigo: "bg-indigo-100 text-indigo-800 ring-indigo-200",
  purple: "bg-purple-100 text-purple-800 ring-purple-200",
  pink: "bg-pink-100 text-pink-800 ring-pink-200",
};

export const LABEL_COLOR_NAMES: Record<TLabelColor, string> = {
  gray: "Grey",
  red: "Red",
  orange: "Orange",
  amber: "Amber",
  green: "Green",
  teal: "Teal",
  blue: "Blue",
  indigo: "Indigo",
  purple: "Purple",
  pink: "Pink",
};
