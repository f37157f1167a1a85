import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newSecret } from '../core/ids.ts';

/**
 * SESSION_SECRET when set; otherwise one generated on first start and kept in the data dir
 * (mode 0600), so a restart keeps everyone signed in.
 */
export function resolveSessionSecret(config: { sessionSecret: string | undefined; dataDir: string }): string {
  if (config.sessionSecret) return config.sessionSecret;
  const file = path.join(config.dataDir, 'session-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const secret = newSecret(48);
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
