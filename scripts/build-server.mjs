// Compiles the server (the TypeScript under src/) into dist/ with esbuild: our code bundled as
// ES modules, split into chunks so that each CLI command loads only its own; packages stay in
// node_modules. bin/fanbase.js calls ensureServerBuilt() on every start: when dist/ is up to date
// that costs a few stat calls, otherwise it rebuilds first (well under a second).
//
//   node scripts/build-server.mjs     (npm run build:server) builds unconditionally
//
// Up to date means: dist/.sources holds the fingerprint of the sources it was built from, the
// path, size and mtime of every file under src/ except tests, and of this script and
// tsconfig.json. Any edit, new, deleted or renamed file changes it.
// The build runs under a lock and replaces each output file atomically, so a second `fanbase`
// started meanwhile waits for it, and one already running never reads a half-written file.
// Stack traces name dist/ files; run with NODE_OPTIONS=--enable-source-maps to see src/ lines.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(root, 'dist');
/** What bin/fanbase.js imports. */
export const ENTRY = path.join(DIST, 'main.js');
const STAMP = path.join(DIST, '.sources');

function listFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(p, out);
    else if (!entry.name.endsWith('.spec.ts')) out.push(p);
  }
  return out;
}

function fingerprint() {
  const files = [...listFiles(path.join(root, 'src')), fileURLToPath(import.meta.url), path.join(root, 'tsconfig.json')];
  const hash = createHash('sha1');
  for (const f of files.sort()) {
    const s = statSync(f);
    hash.update(`${path.relative(root, f)}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

const builtFrom = () => (existsSync(STAMP) && existsSync(ENTRY) ? readFileSync(STAMP, 'utf8') : undefined);

/** Writes through a temporary file and a rename: readers see the old file or the new one. */
function writeAtomically(file, contents) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}

/** Compiles src/ into dist/; the caller holds the build lock. */
async function buildServer() {
  const sources = fingerprint(); // before reading them: an edit during the build is seen next time
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: 'src/cli/main.ts' },
    outdir: DIST,
    bundle: true,
    packages: 'external',
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(DIST, { recursive: true });
  // Chunks first and the entry last: a process starting now finds every chunk its entry names.
  const outputs = result.outputFiles.sort((a, b) => (a.path === ENTRY) - (b.path === ENTRY));
  for (const file of outputs) writeAtomically(file.path, file.contents);
  // Chunks of earlier builds go (a chunk's name carries a hash of its content), and the
  // temporary file of a build that was killed.
  const current = new Set(outputs.map((f) => path.basename(f.path)));
  for (const name of readdirSync(DIST)) {
    if (/\.(js|map|tmp)$/.test(name) && !current.has(name)) rmSync(path.join(DIST, name), { force: true });
  }
  writeAtomically(STAMP, sources);
}

/** Runs `body` holding dist/'s build lock: one build at a time, the others wait for it. */
async function withBuildLock(body) {
  mkdirSync(DIST, { recursive: true });
  const { default: lockfile } = await import('proper-lockfile');
  const release = await lockfile.lock(DIST, {
    lockfilePath: path.join(DIST, '.build.lock'),
    stale: 30_000,
    retries: { retries: 120, minTimeout: 100, maxTimeout: 500 },
  });
  try {
    return await body();
  } finally {
    await release();
  }
}

/** Builds dist/ when it is missing or older than the sources; a no-op costing milliseconds otherwise. */
export async function ensureServerBuilt() {
  if (builtFrom() === fingerprint()) return;
  await withBuildLock(async () => {
    // Another process may have built it while this one waited for the lock.
    if (builtFrom() === fingerprint()) return;
    process.stderr.write('Compiling the server…\n');
    await buildServer();
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await withBuildLock(buildServer);
  process.stdout.write(`Server compiled into ${path.relative(process.cwd(), DIST) || '.'}/\n`);
}
