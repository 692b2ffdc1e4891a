import { defineConfig } from 'vitest/config';
import workspace from './vitest.config';

/**
 * Tests that need a whole fresh clone of the repository and run the CLI, Nx or vitest in it as a
 * person would (`*.clone-test.ts`): the README's steps, its examples, Nx's affected projects and
 * cache. Each takes minutes of whole processes on a 2-core machine, so they are not part of
 * `npm test`; `npm run test:clone` runs them, one file at a time, and `.ci/run` counts them.
 */
export default defineConfig({
  // The workspace's path aliases (not mergeConfig: it would add the workspace's test files).
  resolve: workspace.resolve,
  test: {
    include: ['apps/**/*.clone-test.ts', 'libs/**/*.clone-test.ts', 'tools/**/*.clone-test.ts'],
    // Whole processes on a shared machine: generous, so load never decides the verdict.
    testTimeout: 900_000,
    hookTimeout: 900_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
