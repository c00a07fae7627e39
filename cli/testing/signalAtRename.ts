/**
 * The command line as entry.ts runs it, with a signal sent to itself (SFNC_SIGNAL) as it renames
 * its first temporary report file into place: the moment the report's files are put together.
 */
import type * as nodeFs from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';

const fs = createRequire(import.meta.url)('node:fs') as typeof nodeFs;
const rename = fs.renameSync;
let sent = false;
fs.renameSync = (from, to) => {
  if (!sent && String(from).endsWith('.tmp')) {
    sent = true;
    process.kill(process.pid, process.env.SFNC_SIGNAL as NodeJS.Signals);
  }
  rename(from, to);
};
syncBuiltinESMExports();
const { runCli } = await import('../main.js');
process.exitCode = await runCli(process.argv.slice(2));
