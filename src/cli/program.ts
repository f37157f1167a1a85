import { Command, CommanderError, Option } from 'commander';
import { EXIT_ROWS_REJECTED } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import { version } from './version.ts';

// Each action imports its command when it runs: `--help` loads commander and nothing else, and
// a command loads only what it uses (`migrate` neither the server nor the services).

/**
 * Options a command cannot run without. Not commander's `requiredOption`: commander checks those
 * before unknown options, so a misspelt `--emial` would be reported as a missing `--email`.
 * These are checked just before the action, after commander has refused unknown options.
 */
const REQUIRED = new WeakSet<Option>();
function required(flags: string, description: string): Option {
  const option = new Option(flags, `${description} (required)`);
  REQUIRED.add(option);
  return option;
}
function checkRequired(command: Command): void {
  for (const option of command.options) {
    if (REQUIRED.has(option) && command.getOptionValue(option.attributeName()) === undefined) {
      command.error(`error: required option '${option.flags}' not specified`, { code: 'commander.missingMandatoryOptionValue' });
    }
  }
}

/** The `fanbase` program, writing to `io`; `setExitCode` receives what a finished command asks to exit with. */
function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  /** A command's result is its exit code (none: 0); what it throws, runCli turns into one line. */
  const done = async (result: Promise<number | void>) => setExitCode((await result) ?? 0);

  const program = new Command()
    .name('fanbase')
    .description('Fanbase: a self-hosted fan-economy platform.\nConfiguration comes from environment variables (and ./.env); see the README.')
    .version(version)
    // Set before the commands are added, so every command inherits them.
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .showSuggestionAfterError()
    .hook('preAction', (_program, command) => checkRequired(command));

  program
    .command('serve')
    .description('Run pending migrations and start the server (console, fan site and API)')
    .action(async () => done((await import('./commands/serve.ts')).serve()));

  program
    .command('migrate')
    .description('Apply pending database migrations and exit')
    .action(async () => done((await import('./commands/migrate.ts')).migrate(io)));

  const admin = program.command('admin').description('Manage staff accounts');
  admin
    .command('create')
    .description('Create the owner (first account) or a staff member')
    .addOption(required('--email <email>', 'sign-in email'))
    .addOption(required('--name <name>', 'display name'))
    .option('--password-stdin', 'read the password from standard input instead of prompting')
    .action(async (opts: { email: string; name: string; passwordStdin?: boolean }) => done((await import('./commands/admin-create.ts')).adminCreate(io, opts)));

  const crm = program.command('crm').description('Fan CRM: loyalty levels');
  crm
    .command('recompute')
    .description('Rebuild loyalty signals from the activities and re-level every fan (also runs nightly at 03:00 UTC)')
    .action(async () => done((await import('./commands/crm-recompute.ts')).crmRecompute(io)));

  const fansCmd = program.command('fans').description('Fans: CSV import and export');
  fansCmd
    .command('import')
    .description('Import fans from a CSV file (columns: email, display_name, followed_at, tags); re-importing is safe')
    .argument('<file>', 'CSV file with a header row naming an email column')
    .addHelpText(
      'after',
      `\nExit codes:\n  0  every row imported (or already there)\n  ${EXIT_ROWS_REJECTED}  some rows rejected: the others are imported, the rejected ones listed with their line\n  1  nothing imported (no such file, no email column in the header, a bad setting)`,
    )
    .action(async (file: string) => done((await import('./commands/fans-csv.ts')).fansImport(io, file)));
  fansCmd
    .command('export')
    .description('Export fans as CSV: every fan, or one saved segment')
    .option('--segment <name>', 'name of a saved segment')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts: { segment?: string; out?: string }) => done((await import('./commands/fans-csv.ts')).fansExport(io, opts)));

  const festival = program.command('festival').description('Fan festival: drive a festival against a running server');
  festival
    .command('simulate')
    .description(
      'Fans sign up, then arrive over the duration (half in the first tenth) and try for the items: some retry with the same Idempotency-Key, some ask past the per-fan limit; busy answers wait out Retry-After. Prints a summary',
    )
    .addOption(required('--url <url>', 'the server, such as http://localhost:3000'))
    .addOption(required('--festival <slug>', "the festival's slug"))
    .option('--fans <n>', 'fans taking part', '100')
    .option('--duration <seconds>', 'seconds over which fans arrive', '30')
    .option('--retry-share <share>', 'share of fans who retry their attempt with the same key', '0.2')
    .option('--over-limit-share <share>', 'share of fans who ask past the per-fan limit', '0.1')
    .option('--concurrency <n>', 'requests in flight at most', '100')
    .option('--json', 'print the summary as one JSON object')
    .addHelpText(
      'after',
      '\nExit codes:\n  0  the summary printed\n  1  a guarantee broken (a retry answered another order, units won past a quota), or the festival or server unreachable',
    )
    .action(async (opts: import('./commands/festival-simulate.ts').SimulateOptions) =>
      done((await import('./commands/festival-simulate.ts')).festivalSimulate(io, opts)),
    );
  return program;
}

/**
 * Runs `fanbase <args>` and answers its exit code: 0, the command's own (EXIT_ROWS_REJECTED), 1
 * for a configuration or domain error (one line on stderr, never a stack trace), commander's for
 * a usage error. `serve` answers 0 once listening; the process keeps running for the server.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    const [{ ConfigError }, { AppError }] = await Promise.all([import('../config/env.ts'), import('../core/errors.ts')]);
    if (err instanceof ConfigError || err instanceof AppError) {
      io.stderr.write(`fanbase: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
