/**
 * Several command lines run one after another in one child process (tests start it as
 * `node --import tsx runMany.ts '<JSON list of argv>'`, so that a command that hangs can be killed
 * from outside): before each, a line `start <n>`; after it, a line of JSON with its exit code and
 * what it wrote.
 */
import { runCli } from '../main.js';

const lines = JSON.parse(process.argv[2] ?? '[]') as string[][];
for (const [n, argv] of lines.entries()) {
  process.stdout.write(`start ${n}\n`);
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  process.stdout.write(`${JSON.stringify({ n, code, stdout, stderr })}\n`);
}
