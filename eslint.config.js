// Lint: typescript-eslint's recommended rules, plus the layer rules of docs/architecture.md —
// imports point inward (domain ← importer ← services ← storage/exports/http/views/cli), and the pure
// layers (domain, importer, exports, views) touch no I/O.
import tseslint from 'typescript-eslint';

const layers = ['domain', 'importer', 'services', 'storage', 'exports', 'http', 'views', 'cli'];
const ioModules = ['node:fs', 'node:fs/promises', 'node:child_process', 'node:net', 'node:http', 'node:https', 'fs', 'child_process',
  'better-sqlite3', 'pg', 'kysely', 'fastify', 'playwright-core'];

/** A rule forbidding `layer` to import the given layers (type-only imports allowed where `types` is true) and modules. */
function restrict(layer, forbiddenLayers, { types = false, modules = [] } = {}) {
  const patterns = forbiddenLayers.map((l) => ({
    group: [`../${l}/*`, `../../${l}/*`, `../../../${l}/*`],
    message: `src/${layer} must not import src/${l}: dependencies point inward (see docs/architecture.md).`,
    allowTypeImports: types,
  }));
  if (!['http', 'cli'].includes(layer)) {
    patterns.push({ group: ['../main.js', '../../main.js'], message: 'Only the composition root wires the application.' });
  }
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/*.contract.ts', '**/test-factories.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: modules.map((name) => ({ name, message: `src/${layer} is pure: no I/O.` })), patterns },
      ],
    },
  };
}

const others = (...allowed) => layers.filter((l) => !allowed.includes(l));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'test-artifacts/', 'bench/results.json'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration from src/config.ts only.' }],
    },
  },
  restrict('domain', others('domain'), { modules: ioModules }),
  restrict('importer', others('domain', 'importer'), { modules: ioModules }),
  restrict('exports', others('domain', 'exports'), { modules: ioModules }),
  restrict('views', others('domain', 'views'), { modules: ioModules }),
  restrict('storage', others('domain', 'storage')),
  restrict('services', ['http', 'views', 'cli']),
  restrict('http', ['cli', 'storage', 'importer'], { types: true }),
  restrict('cli', ['views']),
  {
    files: ['src/config.ts', 'scripts/**', 'bench/**', 'e2e/**', 'test/**', '**/*.test.ts', '**/*.test.tsx', '**/*.contract.ts', 'eslint.config.js'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
