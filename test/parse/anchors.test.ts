// Heading anchors must be GitHub's, as github-slugger makes them, numbering included.
import fc from 'fast-check';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { HeadingAnchors } from '../../scripts/parse/anchors.ts';

const anchorsOf = (headings: string[]) => {
  const anchors = new HeadingAnchors();
  return headings.map((heading) => anchors.next(heading));
};

describe('HeadingAnchors', () => {
  it('slugs headings and numbers repeats as GitHub does', () => {
    expect(anchorsOf(['Quick Start', 'Quick start', 'quick-start-1', 'Quick Start', 'Émoji 🚀 & co.', '', ''])).toEqual([
      'quick-start',
      'quick-start-1',
      'quick-start-1-1',
      'quick-start-2',
      'émoji---co',
      '',
      '-1',
    ]);
  });

  it('gives github-slugger’s anchors for any run of headings, plain ASCII or not', () => {
    // Few distinct pieces, so that slugs repeat and collide with numbered ones.
    const piece = fc.constantFrom('Setup', 'setup', ' ', '-', '1', 'A', 'z', '_', '.', '&', 'é', '🚀', 'Step 2', '-1', '  ', 'x-y', '`code`', 'Ünïcode');
    const heading = fc.array(piece, { maxLength: 5 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(fc.array(heading, { maxLength: 12 }), (headings) => {
        const slugger = new GithubSlugger();
        expect(anchorsOf(headings)).toEqual(headings.map((heading) => slugger.slug(heading)));
      }),
      { numRuns: 2000, seed: 20261123 },
    );
  });
});
