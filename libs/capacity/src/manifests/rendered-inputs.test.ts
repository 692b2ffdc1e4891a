import { describe, expect, it } from 'vitest';
import { readRenderedInputs } from './rendered-inputs';

const nodePool = {
  path: 'rendered/ci/karpenter/node-pools/nodepool-ci-jobs.yaml',
  content: `apiVersion: karpenter.sh/v1
kind: NodePool
metadata:
  name: ci-jobs
spec:
  template:
    metadata:
      labels:
        ci.platform/pool: jobs
    spec:
      nodeClassRef: { group: karpenter.k8s.aws, kind: EC2NodeClass, name: ci-jobs }
      requirements:
        - { key: karpenter.k8s.aws/instance-family, operator: In, values: [c6i, m6i] }
      taints:
        - { key: ci.platform/jobs, value: restricted, effect: NoSchedule }
  limits:
    cpu: "1000"
    memory: 4000Gi
`,
};

const nodeClass = {
  path: 'rendered/ci/karpenter/node-classes/ec2nodeclass-ci-jobs.yaml',
  content: `apiVersion: karpenter.k8s.aws/v1
kind: EC2NodeClass
metadata:
  name: ci-jobs
spec:
  amiSelectorTerms: [{ alias: al2023@v20260818 }]
  subnetSelectorTerms: [{ tags: { Name: ci-nodes-a } }]
  blockDeviceMappings:
    - { deviceName: /dev/xvdb, ebs: { volumeSize: 50Gi } }
    - { deviceName: /dev/xvda, rootVolume: true, ebs: { volumeSize: 500Gi } }
  kubelet:
    maxPods: 110
    kubeReserved: { memory: 1465Mi, ephemeral-storage: 2Gi }
    systemReserved: { ephemeral-storage: 100Gi }
    evictionHard: { memory.available: 5%, nodefs.available: 15Gi, imagefs.available: 12% }
`,
};

const runner = [
  {
    path: 'rendered/ci/gitlab-runners/restricted/configmap-gitlab-runners-restricted.yaml',
    content: `apiVersion: v1
kind: ConfigMap
metadata: { name: restricted, namespace: gitlab-runners }
data:
  config.toml: |
    shutdown_timeout = 0
    concurrent = 400
`,
  },
  {
    path: 'rendered/ci/gitlab-runners/restricted/deployment-gitlab-runners-restricted.yaml',
    content: `apiVersion: apps/v1
kind: Deployment
metadata: { name: restricted, namespace: gitlab-runners }
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: runner
          resources: { requests: { cpu: 200m, memory: 256Mi } }
`,
  },
];

const daemonSet = {
  path: 'rendered/ci/observability/agent/daemonset-observability-agent.yaml',
  content: `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: observability }
spec:
  template:
    spec:
      tolerations: [{ key: ci.platform/jobs, operator: Exists, effect: NoSchedule }]
      initContainers:
        - name: init
          resources: { requests: { cpu: "1", memory: 64Mi } }
      containers:
        - name: agent
          resources: { requests: { cpu: 200m, memory: 256Mi } }
        - name: trace
          resources: { limits: { cpu: 100m, memory: 128Mi } }
`,
};

describe('readRenderedInputs', () => {
  it('reads NodePools, EC2NodeClasses, DaemonSets and runner managers in planner units', () => {
    const inputs = readRenderedInputs([nodePool, nodeClass, daemonSet, ...runner]);
    expect(inputs.nodePools[0]).toMatchObject({
      name: 'ci-jobs',
      nodeClassName: 'ci-jobs',
      labels: { 'ci.platform/pool': 'jobs' },
      taints: [{ key: 'ci.platform/jobs', value: 'restricted', effect: 'NoSchedule' }],
      limits: { cpuMillis: 1_000_000, memoryMiB: 4000 * 1024 },
    });
    expect(inputs.nodeClasses[0]).toMatchObject({
      amiFamily: 'al2023',
      kubelet: {
        maxPods: 110,
        kubeReservedMemoryMiB: 1465,
        evictionHardMemory: { share: 0.05 },
        kubeReservedEphemeralMiB: 2048,
        systemReservedEphemeralMiB: 100 * 1024,
        evictionHardNodefs: { mib: 15 * 1024 },
        evictionHardImagefs: { share: 0.12 },
      },
      subnetSelectorTerms: [{ tags: { Name: 'ci-nodes-a' } }],
      // The kubelet's root dir is on the rootVolume device, not the first one.
      rootVolume: { path: 'spec.blockDeviceMappings[1].ebs.volumeSize', sizeMiB: 500 * 1024 },
    });
    // Containers add up (300m, 384Mi; a limit stands in for a missing request); the init container
    // runs alone and needs more CPU.
    expect(inputs.daemonSets[0]).toMatchObject({
      name: 'observability/agent',
      hostNetwork: false,
      requests: { cpuMillis: 1000, memoryMiB: 384 },
    });
    expect(inputs.runnerManagers).toEqual([
      expect.objectContaining({ name: 'gitlab-runners/restricted', replicas: 2, concurrent: 400 }),
    ]);
  });

  it('names the file, the resource and the field of a bad value', () => {
    const broken = { ...nodePool, content: nodePool.content.replace('cpu: "1000"', 'cpu: lots') };
    expect(() => readRenderedInputs([broken])).toThrow(
      'rendered/ci/karpenter/node-pools/nodepool-ci-jobs.yaml: NodePool/ci-jobs: spec.limits.cpu: "lots" is not a Kubernetes quantity',
    );
  });

  it('skips files of other kinds without parsing them', () => {
    const values = {
      path: 'rendered/ci/karpenter/controller/values.yaml',
      content: ': not yaml :',
    };
    expect(readRenderedInputs([values]).nodePools).toEqual([]);
  });
});
