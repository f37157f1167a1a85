import { openRuntime } from '../runtime.ts';

export async function migrate(): Promise<void> {
  const { database } = await openRuntime({ migrate: false });
  await database.migrate();
  process.stdout.write(`Migrations applied (${database.engine}).\n`);
  await database.close();
}
