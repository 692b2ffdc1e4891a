import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inventory } from '@platform/config';
import { expect, it } from 'vitest';
import { converge } from '../simulation/converge';
import { repositoryRoot, treeInput } from '../testing/fixture-tree';
import { convergeTimelineSvg } from './timeline-svg';

it('docs/converge.svg, shown in the README, is the timeline of the committed rendered/', () => {
  const result = converge(treeInput(repositoryRoot, join(repositoryRoot, 'README.md')));
  expect(readFileSync(join(repositoryRoot, 'docs/converge.svg'), 'utf8')).toBe(
    convergeTimelineSvg(result),
  );
});
