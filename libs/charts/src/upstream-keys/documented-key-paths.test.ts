import { describe, expect, it } from 'vitest';
import { documentedKeyPaths } from './documented-key-paths';

const fixture = [
  '## How many runner pods to launch.',
  '# replicas: 1',
  'rbac:',
  '  create: false',
  '  rules: []',
  '    # - resources: ["events"]',
  'runners:',
  '  # jobNamespace: ""',
  '  config: |',
  '    [[runners]]',
  '      image: "alpine"',
  '  ## prose: not a key',
  '  # secret: gitlab-runner',
  'top: 1',
].join('\n');

describe('documented key paths of a values.yaml', () => {
  const paths = documentedKeyPaths(fixture);

  it('include set keys and keys documented as comments, nested by indentation', () => {
    for (const path of ['replicas', 'rbac.create', 'rbac.rules', 'runners.jobNamespace'])
      expect(paths).toContain(path);
    expect(paths).toContain('runners.secret');
    expect(paths).toContain('top');
  });

  it('skip prose comments and the contents of block scalars', () => {
    expect(paths).not.toContain('runners.prose');
    expect(paths).not.toContain('runners.config.image');
    expect(paths).not.toContain('rbac.rules.resources');
  });
});
