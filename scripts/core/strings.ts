// A string cut from a page (`slice`, a match) points into the page's text in V8, and keeps all of it alive as
// long as the piece lives. Tables that outlive a page, keyed by such pieces, keep copies instead.

/** A copy of `text` that does not point into the string it was cut from: a key a long-lived memo may hold. */
export function detached(text: string): string {
  // Joining makes a new string, and cutting it flattens that into a fresh one the copy points into.
  return ` ${text}`.slice(1);
}
