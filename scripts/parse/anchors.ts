// GitHub's heading anchors: the slug of each heading's text, and from the second heading with the same slug
// on, that slug numbered. github-slugger makes the slugs; plain ASCII headings, nearly all of them, are
// slugged here without its table of characters to drop, which costs more than the rest of a heading's work.
import { slug } from 'github-slugger';

/** Text of ASCII letters, digits, spaces and hyphens only: nothing GitHub drops from it. */
const PLAIN = /^[A-Za-z0-9 -]*$/;

/** The anchors of one document's headings, in order. */
export class HeadingAnchors {
  /** Each anchor given so far, with how many times its slug has been numbered. */
  private readonly given = new Map<string, number>();

  next(headingText: string): string {
    const base = PLAIN.test(headingText) ? headingText.toLowerCase().replaceAll(' ', '-') : slug(headingText);
    let anchor = base;
    while (this.given.has(anchor)) {
      const count = this.given.get(base)! + 1;
      this.given.set(base, count);
      anchor = `${base}-${count}`;
    }
    this.given.set(anchor, 0);
    return anchor;
  }
}
