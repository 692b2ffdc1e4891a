import { join } from 'node:path';
import { ESLint } from 'eslint';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';

const repositoryRoot = join(__dirname, '../../..');
let eslint: ESLint;

beforeAll(async () => {
  // The boundary rule reads Nx's cached project graph; `nx show projects` writes it.
  await execa('node', [join(repositoryRoot, 'node_modules/nx/bin/nx.js'), 'show', 'projects'], {
    cwd: repositoryRoot,
    env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  eslint = new ESLint({ cwd: repositoryRoot });
});

async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(repositoryRoot, filePath) });
  return result!.messages
    .filter((m) => m.ruleId === '@nx/enforce-module-boundaries')
    .map((m) => m.message);
}

describe('module boundaries', () => {
  it('forbid an app importing another app', async () => {
    const errors = await boundaryErrors(
      'apps/karpenter/src/controller/boundary-probe.ts',
      "import runnerNamespaces from '../../../gitlab-runners/src/namespaces/component';\nexport const x = runnerNamespaces;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('forbid a library importing a tool', async () => {
    const errors = await boundaryErrors(
      'libs/core/src/boundary-probe.ts',
      "import { main } from '@platform/gitops';\nexport const x = main;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('forbid a tool deep-importing another tool instead of its entry point', async () => {
    const errors = await boundaryErrors(
      'tools/bench/src/boundary-probe.ts',
      "import { main } from '../../gitops/src/main';\nexport const x = main;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('allow an app to import libraries', async () => {
    const errors = await boundaryErrors(
      'apps/karpenter/src/controller/boundary-probe.ts',
      "import { defineComponent } from '@platform/core';\nexport const x = defineComponent;\n",
    );
    expect(errors).toEqual([]);
  });
});
