import password from '@inquirer/password';
import { AppError } from '../../core/errors.ts';
import { setupBody } from '../../modules/staff/staff.schemas.ts';
import type { CliIo } from '../io.ts';

async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** How an error names each field: the flags by their flag; the password, which is no flag, by name. */
const FIELD_NAMES: Record<string, string> = { email: '--email', name: '--name', password: 'the password' };

/** Creates the owner on a fresh install, or a staff member once the owner exists. */
export async function adminCreate(io: CliIo, opts: { email: string; name: string; passwordStdin?: boolean }): Promise<void> {
  const secret = opts.passwordStdin
    ? await readAll(io.stdin)
    : await password({ message: 'Password (at least 8 characters):', mask: '*' }, { input: io.stdin, output: io.stdout });
  const parsed = setupBody.safeParse({ email: opts.email, name: opts.name, password: secret });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0]);
    throw new AppError('validation_failed', { path: field, in: 'arguments' }, { message: `${FIELD_NAMES[field] ?? field} ${issue.message}` });
  }
  const { container, close } = await io.openRuntime();
  try {
    const member = await container.services.staff.createAccount(container.ctx({ kind: 'system' }), parsed.data);
    io.stdout.write(`Created ${member.role} ${member.name} <${member.email}>.\n`);
  } finally {
    await close();
  }
}
