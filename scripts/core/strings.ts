// A string cut from a page (`slice`, a match) points into the page's text in V8, and keeps all of it alive as
// long as the piece lives. Tables that outlive a page, keyed by such pieces, keep copies instead.

/** A copy of `text` that does not point into the string it was cut from: a key a long-lived memo may hold. */
export function detached(text: string): string {
  // Joining makes a new string, and cutting it flattens that into a fresh one the copy points into.
  return ` ${text}`.slice(1);
}

/**
 * What was found for each text pages repeat (a jq filter, a heading, a code span), for the whole run: keyed
 * by detached copies, so that no page stays alive for it, and emptied once it holds `limit` texts.
 */
export class TextMemo<Value> {
  private readonly known = new Map<string, Value>();

  constructor(private readonly limit = 10_000) {}

  get(text: string): Value | undefined {
    return this.known.get(text);
  }

  /** Remembers `value` for `text`, and gives it back. */
  set(text: string, value: Value): Value {
    if (this.known.size >= this.limit) this.known.clear();
    this.known.set(detached(text), value);
    return value;
  }
}
