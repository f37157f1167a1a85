import password from '@inquirer/password';
import { AppError } from '../../core/errors.ts';
import { setupBody } from '../../modules/staff/staff.schemas.ts';
import { openRuntime } from '../runtime.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Creates the owner on a fresh install, or a staff member once the owner exists. */
export async function adminCreate(opts: { email: string; name: string; passwordStdin?: boolean }): Promise<void> {
  const secret = opts.passwordStdin ? await readStdin() : await password({ message: 'Password (at least 8 characters):', mask: '*' });
  const parsed = setupBody.safeParse({ email: opts.email, name: opts.name, password: secret });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0]);
    throw new AppError('validation_failed', { path: field, in: 'arguments' }, { message: `--${field} ${issue.message}` });
  }
  const { database, container } = await openRuntime();
  try {
    const member = await container.services.staff.createAccount(container.ctx({ kind: 'system' }), parsed.data);
    process.stdout.write(`Created ${member.role} ${member.name} <${member.email}>.\n`);
  } finally {
    await database.close();
  }
}
