import { clusters } from '@platform/config';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { multiArchRunner } from './multi-arch/multi-arch-runner';
import { privilegedRunner } from './privileged/privileged-runner';
import { restrictedRunner } from './restricted/restricted-runner';
import { readmeBlock, readmeMarkers } from './runner/runner-registration';

const readme = readFileSync(resolve(__dirname, '../README.md'), 'utf8');
const ci = clusters.find((cluster) => cluster.name === 'ci')!;

describe('the README says how to create each runner in GitLab', () => {
  for (const runner of [restrictedRunner, multiArchRunner, privilegedRunner]) {
    it(`${runner.name}: the README block is exactly the API call its definition renders`, () => {
      const { begin, end } = readmeMarkers(runner);
      const start = readme.indexOf(begin);
      const stop = readme.indexOf(end);
      expect(start, `README has no ${begin}`).toBeGreaterThanOrEqual(0);
      expect(readme.slice(start, stop + end.length)).toBe(readmeBlock(runner, ci));
    });
  }

  it('creates the privileged and multi-arch runners for tagged jobs only, the restricted one for untagged jobs', () => {
    expect(readmeBlock(privilegedRunner, ci)).toContain('"run_untagged":false');
    expect(readmeBlock(privilegedRunner, ci)).toContain('"tag_list":["privileged"');
    expect(readmeBlock(multiArchRunner, ci)).toContain(
      '"tag_list":["multi-arch"],"run_untagged":false',
    );
    expect(readmeBlock(restrictedRunner, ci)).toContain('"run_untagged":true');
  });
});
