// A package run to kill: publishes a small package labelled `label` at `out`, and when `pause` names a
// step, says so on stdout and waits there (for the test to SIGKILL it). Prints `done` when it finishes.
import { publish, PublishError, type PublishStep } from '../../scripts/commands/package/publish.ts';
import { writeLabelled } from './labelled-package.ts';

const [out, label, pause, lockTimeout] = process.argv.slice(2);

const onStep = (step: PublishStep) => {
  if (step !== pause) return;
  process.stdout.write(`paused ${step}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
};

try {
  await publish(out, (dir) => writeLabelled(dir, label), { onStep, lockTimeoutMs: lockTimeout ? Number(lockTimeout) : undefined, onWait: () => process.stdout.write('waiting\n') });
  process.stdout.write('done\n');
} catch (error) {
  process.stderr.write(`${error instanceof PublishError ? '' : 'unexpected: '}${(error as Error).message}\n`);
  process.exitCode = 2;
}
