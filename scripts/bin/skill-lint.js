#!/usr/bin/env node
// Runs the prebuilt bundle while it matches the sources (see bundle.js), else the TypeScript sources
// directly: no build step is ever needed between an edit and a lint.
import { freshBundle } from './bundle.js';

const bundled = freshBundle('cli');
const { main } = bundled ? await import(bundled) : await fromSources();
process.exitCode = await main(process.argv);

async function fromSources() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('../cli.ts');
}
