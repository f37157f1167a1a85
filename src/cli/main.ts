import { Command } from 'commander';
import { adminCreate } from './commands/admin-create.ts';
import { crmRecompute } from './commands/crm-recompute.ts';
import { fansExport, fansImport } from './commands/fans-csv.ts';
import { migrate } from './commands/migrate.ts';
import { serve } from './commands/serve.ts';
import { runCommand, version } from './runtime.ts';

const program = new Command()
  .name('fanbase')
  .description('Fanbase: a self-hosted fan-economy platform.\nConfiguration comes from environment variables (and ./.env); see the README.')
  .version(version);

program
  .command('serve')
  .description('Run pending migrations and start the server (console, fan site and API)')
  .action(() => runCommand(serve));

program
  .command('migrate')
  .description('Apply pending database migrations and exit')
  .action(() => runCommand(migrate));

const admin = program.command('admin').description('Manage staff accounts');
admin
  .command('create')
  .description('Create the owner (first account) or a staff member')
  .requiredOption('--email <email>', 'sign-in email')
  .requiredOption('--name <name>', 'display name')
  .option('--password-stdin', 'read the password from standard input instead of prompting')
  .action((opts: { email: string; name: string; passwordStdin?: boolean }) => runCommand(() => adminCreate(opts)));

const crm = program.command('crm').description('Fan CRM: loyalty, import and export');
crm
  .command('recompute')
  .description('Rebuild loyalty signals from the activities and re-level every fan (also runs nightly at 03:00 UTC)')
  .action(() => runCommand(crmRecompute));

const fansCmd = program.command('fans').description('Fans: CSV import and export');
fansCmd
  .command('import')
  .description('Import fans from a CSV file (columns: email, display_name, followed_at, tags); re-importing is safe')
  .argument('<file>', 'CSV file with a header row')
  .action((file: string) => runCommand(() => fansImport(file)));
fansCmd
  .command('export')
  .description('Export fans as CSV: every fan, or one saved segment')
  .option('--segment <name>', 'name of a saved segment')
  .option('--out <file>', 'write to this file instead of standard output')
  .action((opts: { segment?: string; out?: string }) => runCommand(() => fansExport(opts)));

await program.parseAsync(process.argv);
