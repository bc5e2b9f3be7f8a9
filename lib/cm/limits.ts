// Instagram limits from the channel spec's fact sheet and sections (shared/spec/instagram-
// messaging.txt). The one table the simulator, the composer and the builder read: a changed limit
// is one edit here. Browser-safe: no Node imports.

export const INSTAGRAM_LIMITS = {
  /** Fact sheet, "text messages": 1.000 characters, UTF-8. */
  textMaxChars: 1000,
  /** Quick reply: "A maximum of 13 quick replies are supported". */
  quickRepliesMax: 13,
  /** Fact sheet + quick reply: 20 characters "before being truncated" — truncated, not rejected. */
  suggestionLabelMaxChars: 20,
  /** Quick reply table: postbackdata max 1000 characters. */
  postbackDataMaxChars: 1000,
  /** Generic template table: header (title) max 80. */
  cardHeaderMaxChars: 80,
  /** Generic template table: text (subtitle) max 80. */
  cardTextMaxChars: 80,
  /** Generic template table: "Maximum of 3 buttons per card". */
  cardButtonsMax: 3,
  /** Rich card note: "a carousel (2 to 10 generic templates)". */
  carouselCardsMin: 2,
  carouselCardsMax: 10,
  /** Fact sheet, media: "Only one media file is allowed per message". */
  imagesPerMessage: 1,
  /** Fact sheet, images: "Maximum file size for an uploaded image is 8 MB". */
  imageMaxBytes: 8 * 1024 * 1024,
  /**
   * Fact sheet: "All common MIME types supported. For example: image/jpeg, image/png,
   * image/x-icon, image/bmp"; GIF shows only its first frame. Video is "coming soon", audio "no".
   */
  imageMimeTypes: ["image/jpeg", "image/png", "image/gif", "image/x-icon", "image/bmp", "image/webp"],
  /** The file extensions that go with those types; Instagram wants `mediaName` to end in one. */
  imageExtensions: ["jpg", "jpeg", "png", "gif", "ico", "bmp", "webp"],
} as const;

export type TInstagramLimits = typeof INSTAGRAM_LIMITS;

/** Counts characters as the customer sees them (code points), so an emoji is not two. */
export function charCount(text: string): number {
  return Array.from(text).length;
}

/** Cuts to at most `max` code points without splitting a surrogate pair. */
export function truncateChars(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join("");
}
