import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inventory } from '@platform/config';
import { expect, it } from 'vitest';
import { converge } from '../simulation/converge';
import { repositoryRoot, treeInput } from '../testing/fixture-tree';
import { convergeTimelineSvg } from './timeline-svg';

const svg = readFileSync(join(repositoryRoot, 'docs/converge.svg'), 'utf8');
/** The clusters the committed picture draws (one bold, coloured heading each). */
const drawn = [...svg.matchAll(/font-weight="bold" fill="[^"]+">([^:<]+):/g)].map((m) => m[1]);
const clusters = inventory.clusters.map((c) => c.name);
const sameClusters = JSON.stringify(drawn) === JSON.stringify(clusters);
if (!sameClusters)
  console.log(
    `skipped: docs/converge.svg draws ${drawn.join(', ')}; the inventory has ${clusters.join(', ')}: redraw it with npx gitops converge --svg docs/converge.svg`,
  );

it.skipIf(!sameClusters)(
  'docs/converge.svg, shown in the README, is the timeline of the committed rendered/',
  () => {
    const result = converge(treeInput(repositoryRoot, join(repositoryRoot, 'README.md')));
    expect(svg).toBe(convergeTimelineSvg(result));
  },
);

it('reads the cluster headings of the committed picture (so a skip above is never a misread)', () => {
  expect(drawn).toContain(clusters[0]);
});
