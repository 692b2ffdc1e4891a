import { appendFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInMemory, renderToDisk } from '../render/render-pipeline';
import { emptyWorkspace, noCharts, testCatalog, testInventory } from '../testing/fixture-catalog';
import { findDrift } from './drift';

let dispose = () => {};
afterEach(() => dispose());

async function driftAfter(change: (rendered: string) => void) {
  const workspace = emptyWorkspace();
  dispose = workspace.dispose;
  const options = {
    root: workspace.root,
    catalog: testCatalog(),
    inventory: testInventory,
    inflate: noCharts,
  };
  await renderToDisk(options);
  change(join(workspace.root, 'rendered'));
  const { render } = await renderInMemory(options);
  return findDrift(workspace.root, render);
}

const namespaceFile = 'ci-one/platform/namespaces/namespace-platform.yaml';

describe('findDrift', () => {
  it('finds nothing when rendered/ matches a fresh render', async () => {
    expect(await driftAfter(() => {})).toEqual([]);
  });

  it('reports a hand-edited file as modified', async () => {
    const drift = await driftAfter((rendered) =>
      appendFileSync(join(rendered, namespaceFile), '# edited\n'),
    );
    expect(drift).toEqual([{ path: `rendered/${namespaceFile}`, kind: 'modified' }]);
  });

  it('reports a deleted file as missing', async () => {
    const drift = await driftAfter((rendered) => rmSync(join(rendered, namespaceFile)));
    expect(drift).toEqual([{ path: `rendered/${namespaceFile}`, kind: 'missing' }]);
  });

  it('reports a new untracked file as stale', async () => {
    const drift = await driftAfter((rendered) =>
      writeFileSync(join(rendered, 'ci-one/platform/namespaces/extra.yaml'), 'a: 1\n'),
    );
    expect(drift).toEqual([
      { path: 'rendered/ci-one/platform/namespaces/extra.yaml', kind: 'stale' },
    ]);
  });

  it('reports a renamed file as one missing and one stale', async () => {
    const drift = await driftAfter((rendered) =>
      renameSync(
        join(rendered, namespaceFile),
        join(rendered, 'ci-one/platform/namespaces/renamed.yaml'),
      ),
    );
    expect(drift).toEqual([
      { path: `rendered/${namespaceFile}`, kind: 'missing' },
      { path: 'rendered/ci-one/platform/namespaces/renamed.yaml', kind: 'stale' },
    ]);
  });
});
