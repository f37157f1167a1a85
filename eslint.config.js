// @ts-check
// Lint for the server (src, test, bench, scripts) and the web app (web/src), with the import
// boundaries of the layout (README "Development"): eslint-plugin-boundaries for who imports whom,
// no-restricted-imports/-syntax for who may query the database. Style is Prettier's
// (eslint-config-prettier, last, turns off every rule Prettier owns).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Folders with a role. The first pattern that matches a file gives its element. */
const elements = [
  { type: 'module', pattern: 'src/modules/*', capture: ['module'], partialMatch: false },
  { type: 'platform', pattern: 'src/platform', partialMatch: false },
  { type: 'core', pattern: 'src/core', partialMatch: false },
  { type: 'db', pattern: 'src/db', partialMatch: false },
  { type: 'server', pattern: 'src/server', partialMatch: false },
  { type: 'workflows', pattern: 'src/workflows', partialMatch: false },
  // The rest of src: config, cli, schedules, container.ts, subscriptions.ts.
  { type: 'src', pattern: 'src', partialMatch: false },
  { type: 'web-feature', pattern: 'web/src/features/*', capture: ['feature'], partialMatch: false },
  { type: 'web-app', pattern: 'web/src/app', partialMatch: false },
  { type: 'web-shared', pattern: 'web/src/{components,lib,i18n}', partialMatch: false },
  { type: 'web', pattern: 'web/src', partialMatch: false },
];

/** Files by role, from their names (a file may have several categories). */
const files = [
  { category: 'service', pattern: 'src/**/*.service.ts' },
  { category: 'schemas', pattern: 'src/**/*.schemas.ts' },
  { category: 'read-model', pattern: 'src/**/*.read-model.ts' },
  { category: 'repository', pattern: 'src/**/*.repository.ts' },
  { category: 'routes', pattern: 'src/**/*.routes.ts' },
  { category: 'consumer', pattern: 'src/**/*.consumer.ts' },
  { category: 'table', pattern: 'src/**/*.table.ts' },
  { category: 'server-http', pattern: 'src/server/http.ts' },
  { category: 'fields', pattern: 'src/core/fields.ts' },
  { category: 'server-code', pattern: 'src/**' },
];

/** The web app's elements, for the rules about what it may take from the server. */
const WEB = ['web', 'web-app', 'web-feature', 'web-shared'];

/**
 * Who may import whom. Everything not disallowed is allowed; for each import the last policy
 * that matches decides, so each "allow" below is an exception to the "disallow" before it.
 * Imports within one element (one module, one feature) are not checked.
 */
const policies = [
  // A module uses another only through its service (as a type: services are injected by
  // src/container.ts), its schemas (DTOs) and its read model (published queries); it may name
  // another module's table only from its own table (a foreign key).
  {
    from: { element: { type: 'module' } },
    disallow: { to: { element: { type: 'module', captured: { module: '!{{ from.element.captured.module }}' } } } },
    message:
      'A module may import another module only through its *.service.ts (`import type`), *.schemas.ts or *.read-model.ts; its *.table.ts only from a *.table.ts',
  },
  {
    from: { element: { type: 'module' } },
    allow: { to: { element: { type: 'module' }, file: { categories: ['schemas', 'read-model'] } } },
  },
  {
    from: { element: { type: 'module' } },
    allow: { to: { element: { type: 'module' }, file: { categories: 'service' } }, dependency: { kind: 'type' } },
  },
  {
    from: { element: { type: 'module' }, file: { categories: 'table' } },
    allow: { to: { element: { type: 'module' }, file: { categories: 'table' } } },
  },
  // core is domain-free and engine-free: it imports nothing else of the server.
  {
    from: { element: { type: 'core' } },
    disallow: { to: { element: { type: '!core' } } },
    message: 'src/core imports nothing outside src/core (no db, modules, platform, server)',
  },
  // platform is the infrastructure every module uses; it knows no module.
  {
    from: { element: { type: 'platform' } },
    disallow: { to: { element: { type: 'module' } } },
    message: 'src/platform does not import src/modules',
  },
  // Of the server, modules, platform and workflows see only src/server/http.ts, from route files.
  {
    from: { element: { type: ['module', 'platform', 'workflows'] } },
    disallow: { to: { element: { type: 'server' } } },
    message: 'Only route files (*.routes.ts) import the server, and only src/server/http.ts',
  },
  {
    from: { file: { categories: 'routes' } },
    allow: { to: { file: { categories: 'server-http' } } },
  },
  // Web: features do not import each other (pages in web/src/app compose them); shared pieces
  // (web/src/components, web/src/lib, web/src/i18n) import no feature and no page.
  {
    from: { element: { type: 'web-feature' } },
    disallow: { to: { element: { type: 'web-feature', captured: { feature: '!{{ from.element.captured.feature }}' } } } },
    message:
      'A web feature does not import another feature: compose them in a page (web/src/app), or move the shared piece to web/src/components/ui or web/src/lib',
  },
  {
    from: { element: { type: ['web-feature', 'web-shared'] } },
    disallow: { to: { element: { type: 'web-app' } } },
    message: 'Features and shared web code do not import pages (web/src/app)',
  },
  {
    from: { element: { type: 'web-shared' } },
    disallow: { to: { element: { type: 'web-feature' } } },
    message: 'Shared web code (components, lib, i18n) does not import features',
  },
  // The web app takes server code only as types: the DTO schemas and the shared field schemas.
  {
    from: { element: { type: WEB } },
    disallow: { to: { file: { categories: 'server-code' } } },
    message: 'The web app imports server code only as `import type` from @server/**/*.schemas.ts (or @server/core/fields.ts)',
  },
  {
    from: { element: { type: WEB } },
    allow: { to: { file: { categories: ['schemas', 'fields'] } }, dependency: { kind: 'type' } },
  },
];

/** "Queries the database", outside the files that may. */
const DRIZZLE_MESSAGE = 'Only *.repository.ts (and src/db, tests, benchmarks) query the database: call a repository';
const drizzleImports = {
  paths: [
    { name: 'drizzle-orm', message: DRIZZLE_MESSAGE },
    { name: 'pg', message: DRIZZLE_MESSAGE },
    { name: '@electric-sql/pglite', message: DRIZZLE_MESSAGE },
  ],
  patterns: [{ group: ['drizzle-orm/*', '@electric-sql/pglite/*', 'pg-copy-streams'], message: DRIZZLE_MESSAGE }],
};
const QUERY_METHODS = 'select|selectDistinct|selectDistinctOn|insert|update|delete|execute|query|\\$count|\\$with|refreshMaterializedView';
const queryCalls = {
  selector: `MemberExpression[property.name=/^(${QUERY_METHODS})$/]:matches([object.name=/^(db|tx)$/], [object.property.name=/^(db|tx)$/])`,
  message: DRIZZLE_MESSAGE,
};
const ICONS_MESSAGE = 'Import icons from web/src/components/ui/icons.tsx (decorative: aria-hidden), not from @ant-design/icons';
/** Server code where SQL is at home. */
const SQL_HOMES = ['src/**/*.repository.ts', 'src/db/**', 'src/**/*.spec.ts'];

export default defineConfig(
  { ignores: ['dist/', 'web/dist/', 'data/', 'scratch/', 'src/db/migrations/', 'test-results/', 'bench-results/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.{js,mjs}', '*.config.ts', 'web/vite.config.ts'], languageOptions: { globals: globals.node } },

  // Type-aware where it pays: the promise rules (a missing await in a transaction is a real bug)
  // and a few others that are exact. Building the two tsconfig programs is most of the lint's time.
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-array-delete': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
    },
  },

  // Import boundaries.
  {
    files: ['src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': {
        typescript: { project: ['tsconfig.json', 'web/tsconfig.json'], noWarnOnMultipleProjects: true },
      },
      'boundaries/elements': elements,
      'boundaries/files': files,
      'boundaries/legacy-templates': false,
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'allow', policies }],
    },
  },
  // Only repositories (and src/db, tests, benchmarks) query the database.
  {
    files: ['src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    ignores: [...SQL_HOMES, 'src/**/*.table.ts'],
    rules: {
      'no-restricted-imports': ['error', drizzleImports],
      'no-restricted-syntax': ['error', queryCalls],
    },
  },
  {
    // Tables declare columns (drizzle-orm/pg-core) and SQL defaults and checks (`sql`).
    files: ['src/**/*.table.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'drizzle-orm', allowImportNames: ['sql'], message: DRIZZLE_MESSAGE }, ...drizzleImports.paths.slice(1)],
          patterns: [{ group: ['drizzle-orm/*', '!drizzle-orm/pg-core', '@electric-sql/pglite/*'], message: DRIZZLE_MESSAGE }],
        },
      ],
      'no-restricted-syntax': ['error', queryCalls],
    },
  },
  // The web app takes its icons from web/src/components/ui/icons.tsx, which makes them decorative
  // (antd's own carry role="img" and the glyph's name, read out in every control they sit in).
  {
    files: ['web/src/**/*.{ts,tsx}'],
    ignores: ['web/src/components/ui/icons.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...drizzleImports.paths, { name: '@ant-design/icons', message: ICONS_MESSAGE }],
          patterns: [...drizzleImports.patterns, { group: ['@ant-design/icons/*'], message: ICONS_MESSAGE }],
        },
      ],
    },
  },

  prettier,
);
