#!/usr/bin/env node
// Runs the prebuilt bundle, with its code cache, while it matches the sources (see bundle.js), else the
// TypeScript sources directly: no build step is ever needed between an edit and a lint.
import { freshBundle } from './fresh-bundle.js';
import { runCommonJs } from './cached-script.js';

const bundled = freshBundle();
const { main } = bundled ? runCommonJs(bundled).exports : await fromSources();
process.exitCode = await main(process.argv);

async function fromSources() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('../commands/cli.ts');
}
