import { processIo } from './io.ts';
import { runCli } from './program.ts';

// The `fanbase` process: the program on the process's own streams. A command that failed has
// closed what it opened; exiting at once also ends one that failed half way through starting
// (a server whose port was taken). A successful command ends by itself (`serve` keeps running).
const code = await runCli(process.argv.slice(2), processIo);
if (code !== 0) process.exit(code);
