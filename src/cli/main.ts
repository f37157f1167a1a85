import { Command } from 'commander';
import { version } from './version.ts';

// Each action imports its command when it runs: `--help` loads commander and nothing else, and
// a command loads only what it uses (`migrate` neither the server nor the services).

/**
 * Runs a command body: a configuration or domain error becomes one clear line on stderr and
 * exit code 1, never a stack trace.
 */
async function run(load: () => Promise<() => Promise<void>>): Promise<void> {
  try {
    await (
      await load()
    )();
  } catch (err) {
    const [{ ConfigError }, { AppError }] = await Promise.all([import('../config/env.ts'), import('../core/errors.ts')]);
    if (err instanceof ConfigError || err instanceof AppError) {
      process.stderr.write(`fanbase: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

const program = new Command()
  .name('fanbase')
  .description('Fanbase: a self-hosted fan-economy platform.\nConfiguration comes from environment variables (and ./.env); see the README.')
  .version(version);

program
  .command('serve')
  .description('Run pending migrations and start the server (console, fan site and API)')
  .action(() => run(async () => (await import('./commands/serve.ts')).serve));

program
  .command('migrate')
  .description('Apply pending database migrations and exit')
  .action(() => run(async () => (await import('./commands/migrate.ts')).migrate));

const admin = program.command('admin').description('Manage staff accounts');
admin
  .command('create')
  .description('Create the owner (first account) or a staff member')
  .requiredOption('--email <email>', 'sign-in email')
  .requiredOption('--name <name>', 'display name')
  .option('--password-stdin', 'read the password from standard input instead of prompting')
  .action((opts: { email: string; name: string; passwordStdin?: boolean }) =>
    run(async () => {
      const { adminCreate } = await import('./commands/admin-create.ts');
      return () => adminCreate(opts);
    }),
  );

const crm = program.command('crm').description('Fan CRM: loyalty, import and export');
crm
  .command('recompute')
  .description('Rebuild loyalty signals from the activities and re-level every fan (also runs nightly at 03:00 UTC)')
  .action(() => run(async () => (await import('./commands/crm-recompute.ts')).crmRecompute));

const fansCmd = program.command('fans').description('Fans: CSV import and export');
fansCmd
  .command('import')
  .description('Import fans from a CSV file (columns: email, display_name, followed_at, tags); re-importing is safe')
  .argument('<file>', 'CSV file with a header row')
  .action((file: string) =>
    run(async () => {
      const { fansImport } = await import('./commands/fans-csv.ts');
      return () => fansImport(file);
    }),
  );
fansCmd
  .command('export')
  .description('Export fans as CSV: every fan, or one saved segment')
  .option('--segment <name>', 'name of a saved segment')
  .option('--out <file>', 'write to this file instead of standard output')
  .action((opts: { segment?: string; out?: string }) =>
    run(async () => {
      const { fansExport } = await import('./commands/fans-csv.ts');
      return () => fansExport(opts);
    }),
  );

await program.parseAsync(process.argv);
