// Any fixed origin works: the value is resolved against it only to see whether it stays there.
const BASE = "http://app.invalid";

// Browsers strip tabs and newlines from URLs and read a backslash as a slash, so
// "/\t/evil.example" and "/\\evil.example" leave the site although they start with one "/";
// a newline in a redirect's Location header also fails the response.
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

/**
 * Where to go after sign-in: only a path on this site, never another origin. The value must
 * parse back to the app's own origin and is returned normalised (path, query and fragment);
 * anything else is "/".
 */
export function safeNextPath(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value?.startsWith("/") || UNSAFE_CHARACTERS.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" normalises to "//evil.example", which a browser reads as another host.
  return url.origin === BASE && !path.startsWith("//") ? path : "/";
}
