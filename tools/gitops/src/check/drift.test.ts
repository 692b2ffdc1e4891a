import { renameSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppDefinition } from '@platform/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderInMemory } from '../render/render-pipeline';
import { workspaceWithRenderedCopy } from '../testing/temporary-workspace';
import { loadApps } from '../workspace/discover-apps';
import { repositoryRoot } from '../workspace/repository-root';
import { findDrift } from './drift';

let apps: AppDefinition[];
let dispose = () => {};
beforeAll(async () => {
  apps = await loadApps(repositoryRoot);
});
afterEach(() => dispose());

async function driftAfter(change: (rendered: string) => void) {
  const workspace = workspaceWithRenderedCopy();
  dispose = workspace.dispose;
  change(join(workspace.root, 'rendered'));
  const { render } = await renderInMemory({ root: workspace.root, apps });
  return findDrift(workspace.root, render);
}

const namespaceFile = 'ci/gitlab-runners/namespaces/namespace-ci-jobs.yaml';

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
      writeFileSync(join(rendered, 'ci/gitlab-runners/namespaces/extra.yaml'), 'a: 1\n'),
    );
    expect(drift).toEqual([
      { path: 'rendered/ci/gitlab-runners/namespaces/extra.yaml', kind: 'stale' },
    ]);
  });

  it('reports a renamed file as one missing and one stale', async () => {
    const drift = await driftAfter((rendered) =>
      renameSync(
        join(rendered, namespaceFile),
        join(rendered, 'ci/gitlab-runners/namespaces/renamed.yaml'),
      ),
    );
    expect(drift).toEqual([
      { path: `rendered/${namespaceFile}`, kind: 'missing' },
      { path: 'rendered/ci/gitlab-runners/namespaces/renamed.yaml', kind: 'stale' },
    ]);
  });
});
