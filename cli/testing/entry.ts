/** The command line as the binary runs it, from the sources (tests start it as a child: `node --import tsx`). */
import { runCli } from '../main.js';

process.exitCode = await runCli(process.argv.slice(2));
