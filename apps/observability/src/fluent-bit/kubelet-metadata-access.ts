import type { PlatformChart } from '@platform/core';
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';

/** The chart's ServiceAccount (its fullname, from the release name `fluent-bit`). */
export const fluentBitServiceAccountName = 'fluent-bit';

/** The environment variable the kubernetes filter reads its node's address from. */
export const nodeAddressVariable = 'NODE_IP';

/**
 * What Fluent Bit may do with its token: read the pod list of a kubelet (`GET /pods`), which the
 * kubelet authorises as `nodes/pods` under KubeletFineGrainedAuthz (on by default from
 * Kubernetes 1.33), and nothing else. It replaces the chart's ClusterRole (`rbac.create: false`),
 * whose `list` and `watch` on every pod of the cluster would let any node, a privileged CI node
 * included, read every job's spec and CI/CD variables. RBAC cannot name "this node": the
 * privileged nodes' security group keeps them off other kubelets (docs/security.md).
 */
export function addKubeletMetadataAccess(chart: PlatformChart, namespace: string): void {
  const name = 'fluent-bit-kubelet-pods';
  chart.add<IClusterRole>({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name },
    rules: [{ apiGroups: [''], resources: ['nodes/pods'], verbs: ['get'] }],
  });
  chart.add<IClusterRoleBinding>({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
    subjects: [{ kind: 'ServiceAccount', name: fluentBitServiceAccountName, namespace }],
  });
}
