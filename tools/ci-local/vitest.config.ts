import { defineConfig } from 'vitest/config';
import workspace from '../../vitest.config';

/**
 * The slow tests that run real CI tools (gitlab-ci-local, Renovate), installed on demand into
 * tools/ci-local/<tool>/node_modules. Not part of `npm test`; run with `npm run test:ci-local`.
 * Only the workspace's aliases are reused: merging configs would concatenate the include lists.
 */
export default defineConfig({
  resolve: workspace.resolve,
  test: {
    include: ['tools/ci-local/src/**/*.ci-test.ts'],
    testTimeout: 900_000,
    hookTimeout: 900_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
