import { expect, it } from 'vitest';
import { nodeAgentTolerations } from './agent-tolerations';

it('derives one exact toleration per distinct taint of the pools', () => {
  const taint = { key: 'ci.platform/jobs', value: 'restricted', effect: 'NoSchedule' as const };
  const tolerations = nodeAgentTolerations([
    { name: 'a', architecture: 'amd64', taints: [taint] },
    { name: 'b', architecture: 'arm64', taints: [taint] },
    { name: 'c', architecture: 'amd64', taints: [{ ...taint, value: 'privileged' }] },
  ]);
  expect(tolerations).toEqual([
    { key: 'ci.platform/jobs', operator: 'Equal', value: 'privileged', effect: 'NoSchedule' },
    { key: 'ci.platform/jobs', operator: 'Equal', value: 'restricted', effect: 'NoSchedule' },
  ]);
});
