import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Path aliases from tsconfig.base.json, as the workspace's vitest.config.ts reads them (this
// project may not import that file: module boundaries).
const root = resolve(__dirname, '../..');
const tsconfig = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
const alias = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => [
    name,
    resolve(root, target!),
  ]),
);

/**
 * The slow tests that run real CI tools (gitlab-ci-local, Renovate), installed on demand into
 * tools/ci-local/<tool>/node_modules. Not part of `npm test`; run with `npm run test:ci-local`.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    include: ['tools/ci-local/src/**/*.ci-test.ts'],
    testTimeout: 900_000,
    hookTimeout: 900_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
