// Preloaded into the `skills` client by e2e.test.ts: any connection or DNS lookup that is not to the
// loopback address is reported on stderr and refused, so a test can prove the client needed nothing
// from the internet (no GitHub, no telemetry, no audit service).
import dns from 'node:dns';
import net from 'node:net';

const report = (what) => process.stderr.write(`NETGUARD ${what}\n`);
const loopback = (host) => host === undefined || host === '127.0.0.1' || host === '::1' || host === 'localhost';

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === 'object' && first !== null ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
  if (options.path || loopback(options.host)) return connect.apply(this, args);
  report(`connect ${options.host}:${options.port}`);
  throw new Error(`network blocked by test guard: ${options.host}`);
};

for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  const original = dns[name];
  dns[name] = function guardedLookup(host, ...rest) {
    if (loopback(host)) return original.call(this, host, ...rest);
    report(`dns.${name} ${host}`);
    const callback = rest.find((value) => typeof value === 'function');
    const error = Object.assign(new Error(`network blocked by test guard: ${host}`), { code: 'ENOTFOUND' });
    if (callback) process.nextTick(() => callback(error));
    else throw error;
  };
}
