// Peak RSS and heap growth over a long run of documents. Runs in a child process started with
// --expose-gc so the parent's own allocations do not pollute the figures.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function runMemory({ quick }) {
  const documents = quick ? 300 : 2000;
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./memory-child.mjs', import.meta.url)), [String(documents)], {
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (m) => resolve(m));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`memory suite exited with ${code}`));
    });
  });
}
