// Builds the web app (web/dist) when it is missing or older than its sources; `npm start` runs
// this first so a fresh clone serves the console and fan site without a separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const builtAt = (() => {
  const f = path.join(web, 'dist', 'index.html');
  return existsSync(f) ? statSync(f).mtimeMs : 0;
})();

function newest(p) {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), s.mtimeMs);
}

const sources = ['src', 'index.html', 'vite.config.ts', 'public'].map((p) => path.join(web, p)).filter(existsSync);
// Forms reuse the server's zod field schemas, so those count as web sources too.
sources.push(path.join(root, 'src', 'core', 'fields.ts'));

if (builtAt > 0 && Math.max(...sources.map(newest)) <= builtAt) process.exit(0);

process.stdout.write('Building the web app (console and fan site)…\n');
const { build } = await import('vite');
await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn' });
