import { defineConfig, mergeConfig } from 'vitest/config';
import workspace from '../../vitest.config';

/**
 * The slow tests that run real CI tools (gitlab-ci-local, Renovate), installed on demand into
 * tools/ci-local/<tool>/node_modules. Not part of `npm test`; run with `npm run test:ci-local`.
 */
export default mergeConfig(
  workspace,
  defineConfig({
    test: {
      include: ['tools/ci-local/src/**/*.ci-test.ts'],
      testTimeout: 900_000,
      hookTimeout: 900_000,
      fileParallelism: false,
    },
  }),
);
