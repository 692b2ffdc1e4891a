import { describe, expect, it } from 'vitest';
import { renderedObjects } from '../rendered/rendered-objects';
import { clusterReach } from './node-reachability';

const file = (path: string, content: string) => ({ path: `rendered/test/${path}`, content });

const pool = file(
  'karpenter/nodepool-privileged.yaml',
  `apiVersion: karpenter.sh/v1
kind: NodePool
metadata: { name: privileged }
spec:
  template:
    spec:
      nodeClassRef: { group: karpenter.k8s.aws, kind: EC2NodeClass, name: privileged }
      requirements: [{ key: kubernetes.io/arch, operator: In, values: [amd64] }]
      taints: [{ key: jobs, value: privileged, effect: NoSchedule }]
`,
);

const agent = (name: string, placement: string, volumes = '') =>
  file(
    `agents/daemonset-${name}.yaml`,
    `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: ${name}, namespace: agents }
spec:
  template:
    spec:
      serviceAccountName: ${name}
${placement}
      containers:
        - name: agent
          image: agent:1
          env: [{ name: KEY, valueFrom: { secretKeyRef: { name: keys, key: a } } }]
${volumes}
`,
  );

const rbac = file(
  'agents/rbac.yaml',
  `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: reader, namespace: jobs }
rules: [{ apiGroups: [""], resources: [secrets], verbs: [get] }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: reader, namespace: jobs }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader }
subjects: [{ kind: Group, name: "system:serviceaccounts:agents" }]
---
apiVersion: v1
kind: Secret
metadata: { name: keys, namespace: agents }
data: { a: "", b: "", c: "" }
`,
);

const tolerating = `      tolerations: [{ key: jobs, operator: Exists }]`;

function reachOf(...files: { path: string; content: string }[]) {
  const [reach] = clusterReach('test', renderedObjects([pool, rbac, ...files]));
  return reach!;
}

describe('what lands on a pool', () => {
  it('leaves out a workload that does not tolerate the taint, or whose affinity excludes the pool', () => {
    const reach = reachOf(
      agent('untolerating', ''),
      agent(
        'elsewhere',
        `${tolerating}
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions: [{ key: karpenter.sh/nodepool, operator: DoesNotExist }]`,
      ),
      agent('everywhere', tolerating),
    );
    expect(reach.workloads.map((w) => w.template.workload.name)).toEqual(['everywhere']);
  });

  it('follows a group binding to the grant, in the binding’s namespace only', () => {
    const [landing] = reachOf(agent('everywhere', tolerating)).workloads;
    expect(landing!.credentials.tokenOf).toBe('agents/everywhere');
    expect(landing!.grants).toEqual([
      expect.objectContaining({ class: 'secret-read', scope: 'jobs', role: 'Role/jobs/reader' }),
    ]);
  });

  it('counts the keys a pod reads through env and through volume items, and no token when automount is off', () => {
    const [landing] = reachOf(
      agent(
        'mounting',
        `${tolerating}
      automountServiceAccountToken: false`,
        `      volumes: [{ name: keys, secret: { secretName: keys, items: [{ key: b, path: b }] } }]`,
      ),
    ).workloads;
    expect(landing!.credentials.tokenOf).toBeUndefined();
    expect(landing!.credentials.secrets).toEqual([
      { name: 'keys', keys: new Set(['a', 'b']), via: ['env KEY', 'volume keys'] },
    ]);
  });
});
