import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import boundaries of eslint.config.js, each shown to fire (and not to fire) on a snippet
 * linted as if it lived at the given path. Imports name real files: an import the resolver cannot
 * find is not checked at all, so a fixture must point at something that exists.
 */
const BOUNDARY_RULES = new Set(['boundaries/dependencies', 'no-restricted-imports', 'no-restricted-syntax']);

const eslint = new ESLint({
  cwd: path.resolve(import.meta.dirname, '..'),
  // The snippets are not on disk, so no type information: only the boundary rules run.
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => BOUNDARY_RULES.has(ruleId),
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

type Case = [file: string, code: string];

const denied: Case[] = [
  // Modules
  ['src/modules/staff/x.service.ts', `import { fansRepository } from '../fans/fans.repository.ts';`],
  ['src/modules/staff/x.service.ts', `import { fanRoutes } from '../fans/fans.routes.ts';`],
  ['src/modules/staff/x.service.ts', `import { fans } from '../fans/fans.table.ts';`],
  ['src/modules/staff/x.service.ts', `import { createFansService } from '../fans/fans.service.ts';`],
  ['src/modules/staff/x.service.ts', `import { hashPassword } from '../auth/passwords.ts';`],
  ['src/modules/staff/x.schemas.ts', `export { FOLLOW_STATUSES } from '../fans/fans.table.ts';`],
  ['src/modules/staff/x.spec.ts', `import { fansRepository } from '../fans/fans.repository.ts';`],
  // core
  ['src/core/x.ts', `import type { Db } from '../db/client.ts';`],
  ['src/core/x.ts', `import type { FanDto } from '../modules/fans/fans.schemas.ts';`],
  ['src/core/x.ts', `import type { JobRunner } from '../platform/jobs/jobs.service.ts';`],
  ['src/core/x.ts', `import type { RouteDeps } from '../server/http.ts';`],
  ['src/core/x.ts', `import type { Container } from '../container.ts';`],
  // The server, from modules, platform and workflows
  ['src/modules/fans/x.routes.ts', `import { buildApp } from '../../server/app.ts';`],
  ['src/modules/fans/x.routes.ts', `import { FAN_COOKIE } from '../../server/plugins/auth.ts';`],
  ['src/modules/fans/x.service.ts', `import type { RouteDeps } from '../../server/http.ts';`],
  ['src/workflows/x.workflow.ts', `import type { RouteDeps } from '../server/http.ts';`],
  // platform
  ['src/platform/jobs/x.ts', `import type { FansService } from '../../modules/fans/fans.service.ts';`],
  // Web
  ['web/src/features/loyalty/x.tsx', `import { BulkTagButton } from '../segments/components/bulk-tag-button';`],
  ['web/src/lib/x.ts', `import { useMe } from '../features/fans/api/get-me';`],
  ['web/src/components/ui/x.tsx', `import { SuperFansPage } from '../../app/routes/console/super-fans';`],
  ['web/src/features/fans/x.ts', `import { fanSelfDto } from '@server/modules/fans/fans.schemas.ts';`],
  ['web/src/features/fans/x.ts', `import type { FansService } from '@server/modules/fans/fans.service.ts';`],
  ['web/src/app/x.ts', `import type { Db } from '@server/db/client.ts';`],
  // SQL only in repositories
  ['src/modules/fans/x.service.ts', `import { eq } from 'drizzle-orm';`],
  ['src/modules/fans/x.service.ts', `import type { PgDatabase } from 'drizzle-orm/pg-core';`],
  ['src/platform/ops/x.routes.ts', `export const f = (database) => database.db.execute('select 1');`],
  ['src/modules/fans/x.service.ts', `export const f = (ctx) => ctx.db.select().from(t);`],
  ['src/modules/fans/x.table.ts', `import { eq } from 'drizzle-orm';`],
  ['web/src/lib/x.ts', `import { sql } from 'drizzle-orm';`],
];

const allowed: Case[] = [
  ['src/modules/staff/x.service.ts', `import type { FansService } from '../fans/fans.service.ts';`],
  ['src/modules/staff/x.service.ts', `import { fanListItemDto } from '../fans/fans.schemas.ts';`],
  ['src/modules/staff/x.table.ts', `import { fans } from '../fans/fans.table.ts';`],
  ['src/modules/fans/x.service.ts', `import { fansRepository } from './fans.repository.ts';`],
  ['src/modules/fans/x.service.ts', `import { isUniqueViolation } from '../../db/errors.ts';`],
  ['src/modules/fans/x.service.ts', `import type { JobRunner } from '../../platform/jobs/jobs.service.ts';`],
  ['src/core/x.ts', `import { AppError } from './errors.ts';`],
  ['src/modules/fans/x.routes.ts', `import { FAN_COOKIE, type RouteDeps } from '../../server/http.ts';`],
  ['src/workflows/x.routes.ts', `import type { RouteDeps } from '../server/http.ts';`],
  ['src/server/x.ts', `import { fanRoutes } from '../modules/fans/fans.routes.ts';`],
  ['src/platform/jobs/x.ts', `import type { Ctx } from '../../core/context.ts';`],
  ['web/src/features/segments/x.tsx', `import { TagInput } from './components/tag-input';`],
  ['web/src/features/loyalty/x.tsx', `import { PageHeader } from '../../components/ui/page-header';`],
  ['web/src/app/x.tsx', `import { BulkTagButton } from '../features/segments/components/bulk-tag-button';`],
  ['web/src/features/fans/x.ts', `import type { FanSelfDto } from '@server/modules/fans/fans.schemas.ts';`],
  ['web/src/features/fans/x.ts', `import type { JobRunDto } from '@server/platform/jobs/jobs.schemas.ts';`],
  ['web/src/features/fans/x.ts', `import type { emailField } from '@server/core/fields.ts';`],
  ['src/modules/fans/x.repository.ts', `import { eq } from 'drizzle-orm';`],
  ['src/modules/fans/x.table.ts', `import { sql } from 'drizzle-orm';\nimport { pgTable } from 'drizzle-orm/pg-core';`],
  ['src/db/x.ts', `import { sql } from 'drizzle-orm';`],
  ['src/modules/fans/x.spec.ts', `import { sql } from 'drizzle-orm';`],
];

describe('import boundaries (eslint.config.js)', () => {
  it.each(denied)('%s: %s is reported', async (file, code) => {
    expect(await problems(file, code)).toHaveLength(1);
  });

  it.each(allowed)('%s: %s is allowed', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
