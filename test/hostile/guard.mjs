// Preloaded into a skill-lint process by test/hostile/sandbox.test.ts: reports (and blocks) every network
// connection and every file write outside GUARD_WRITE_ROOT, so a test can assert there were none.
import dns from 'node:dns';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const root = process.env.GUARD_WRITE_ROOT ? path.resolve(process.env.GUARD_WRITE_ROOT) : undefined;
const report = (what) => process.stderr.write(`GUARD ${what}\n`);

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  // A unix-domain socket (tsx talking to its own parent process) is local IPC, not the network.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const ipc = (typeof first === 'object' && first !== null && 'path' in first && first.path) || (typeof first === 'string' && Number.isNaN(Number(first)));
  if (ipc) return connect.apply(this, args);
  report(`network connect ${JSON.stringify(first)}`);
  throw new Error('network blocked by guard');
};
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  dns[name] = () => {
    report(`network dns.${name}`);
    throw new Error('network blocked by guard');
  };
}

const allowed = (target) => root !== undefined && typeof target === 'string' && (path.resolve(target) === root || path.resolve(target).startsWith(root + path.sep));
const writeFlags = (flags) => typeof flags === 'string' && /[wa+]/.test(flags);
const wrap = (object, name, isWrite = () => true) => {
  const original = object[name];
  if (typeof original !== 'function') return;
  object[name] = function guarded(target, ...rest) {
    const pathLike = target instanceof URL ? target.pathname : typeof target === 'string' ? target : undefined;
    if (pathLike !== undefined && isWrite(rest) && !allowed(pathLike)) report(`write ${name} ${pathLike}`);
    return original.call(this, target, ...rest);
  };
};
for (const name of ['writeFileSync', 'appendFileSync', 'mkdirSync', 'rmSync', 'unlinkSync', 'renameSync', 'copyFileSync', 'cpSync', 'symlinkSync', 'mkdtempSync', 'createWriteStream', 'writeFile', 'appendFile', 'mkdir', 'rm', 'unlink', 'rename', 'copyFile', 'cp', 'mkdtemp']) wrap(fs, name);
for (const name of ['writeFile', 'appendFile', 'mkdir', 'rm', 'unlink', 'rename', 'copyFile', 'cp', 'mkdtemp']) wrap(fs.promises, name);
wrap(fs, 'openSync', ([flags]) => writeFlags(flags));
wrap(fs, 'open', ([flags]) => writeFlags(flags));
wrap(fs.promises, 'open', ([flags]) => writeFlags(flags));
