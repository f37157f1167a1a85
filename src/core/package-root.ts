import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The directory that holds package.json, found by walking up from this module. Paths to the
 * package's own files (package.json, the SQL migrations, the built web app) start here, so they
 * hold both when the code runs from src/ (tests, tsx) and from the compiled server in dist/,
 * whose bundled chunks sit at another depth than the sources they came from.
 */
export const PACKAGE_ROOT: string = (() => {
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json in ${start} or above`);
  }
})();
