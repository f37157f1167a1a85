#!/usr/bin/env node
// The `fanbase` command: runs the compiled server in dist/, compiling it first when it is
// missing or older than the sources (the first start, and the first run after an edit).
import { pathToFileURL } from 'node:url';
import { ENTRY, ensureServerBuilt } from '../scripts/build-server.mjs';

try {
  await ensureServerBuilt();
} catch (err) {
  // esbuild has already printed what is wrong, with file and line.
  if (!Array.isArray(err?.errors)) throw err;
  process.stderr.write('fanbase: the server did not compile (see above)\n');
  process.exit(1);
}
await import(pathToFileURL(ENTRY).href);
