import type { Logger } from 'pino';
import { loadConfig, type AppConfig, type LogFormat } from '../config/env.ts';
import { createContainer, type Container } from '../container.ts';
import { challengeSecretFor } from '../config/challenge-secret.ts';
import { sandboxSecretFor } from '../config/sandbox-secret.ts';
import { resolveSessionSecret } from '../config/session-secret.ts';
import { createDb, dbOptionsFromConfig, type Database } from '../db/client.ts';
import { createLogger } from './logger.ts';
import { wechatPayOptionsFromEnv } from '../modules/payments/providers/wechatpay/wechatpay-options.ts';

export type Runtime = { config: AppConfig; log: Logger; logFormat: LogFormat; database: Database; container: Container; close(): Promise<void> };

/**
 * Configuration, a logger, an open (migrated) database and the container, for one command. The
 * server logs on stdout from `info`; the other commands on stderr from `warn`, so that their own
 * output (a summary, CSV on stdout) is all a reader sees unless LOG_LEVEL asks for more.
 */
export async function openRuntime(role: 'server' | 'command' = 'command'): Promise<Runtime> {
  const config = await loadConfig();
  const wechatpay = wechatPayOptionsFromEnv(config.wechatpay);
  const { log, format } = createLogger({
    level: config.logLevel,
    format: config.logFormat,
    defaultLevel: role === 'server' ? 'info' : 'warn',
    target: role === 'server' ? process.stdout : process.stderr,
  });
  const database = await createDb(dbOptionsFromConfig(config));
  try {
    await database.migrate();
  } catch (err) {
    await database.close();
    throw err;
  }
  // The sandbox gateway signs its notifications with a key derived from the session secret: every
  // instance sharing that secret verifies every other's.
  const sandboxSecret = role === 'server' ? sandboxSecretFor(resolveSessionSecret(config)) : undefined;
  // So are the festival's proof-of-work challenges: any instance checks another's.
  const festivalChallengeSecret = role === 'server' ? challengeSecretFor(resolveSessionSecret(config)) : undefined;
  const container = createContainer(database, {
    publicBaseUrl: config.publicBaseUrl,
    publicBaseUrlConfigured: config.publicBaseUrlConfigured,
    log,
    sandboxSecret,
    festivalChallengeSecret,
    wechatpay,
    stripe: config.stripe,
    orderPaymentWindowMinutes: config.orderPaymentWindowMinutes,
    redisUrl: config.redisUrl,
    gateKeyPrefix: config.redisKeyPrefix,
    festivalBotChecks: config.festivalBotChecks,
  });
  return {
    config,
    log,
    logFormat: format,
    database,
    container,
    async close() {
      // A job this command sent and began here finishes, or goes back to the queue.
      await container.queue.stop();
      await container.gate.close();
      await container.attemptStats.close();
      await container.botStore.close();
      await database.close();
    },
  };
}
