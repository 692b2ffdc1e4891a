import type { PolicyRule } from './policy-rule';
import { argocdAutomatedSync } from './argocd/argocd-automated-sync';
import { argocdExactChartVersion } from './argocd/argocd-exact-chart-version';
import { argocdFinalizer } from './argocd/argocd-finalizer';
import { argocdProject } from './argocd/argocd-project';
import { argocdProjectNoWildcards } from './argocd/argocd-project-no-wildcards';
import { ciJobDoNotDisrupt } from './ci-jobs/ci-job-do-not-disrupt';
import { ciJobServiceAccountToken } from './ci-jobs/ci-job-service-account-token';
import { containerResources } from './containers/container-resources';
import { hostAccess } from './containers/host-access';
import { imagePinned } from './containers/image-pinned';
import { exemptionReason } from './exemptions/exemption-reason';
import { exemptionUnknownRule } from './exemptions/exemption-unknown-rule';
import { karpenterAlphaFeatureGate } from './karpenter/karpenter-alpha-feature-gate';
import { karpenterImdsv2 } from './karpenter/karpenter-imdsv2';
import { karpenterNodepoolDisruptionBudgets } from './karpenter/karpenter-nodepool-disruption-budgets';
import { karpenterNodepoolExpireAfter } from './karpenter/karpenter-nodepool-expire-after';
import { karpenterNodepoolLimits } from './karpenter/karpenter-nodepool-limits';
import { namespacePodSecurityLabels } from './pod-security/namespace-pod-security-labels';
import { pssBaseline } from './pod-security/pss-baseline';
import { pssRestricted } from './pod-security/pss-restricted';
import { rbacNoClusterAdmin } from './rbac/rbac-no-cluster-admin';
import { rbacNoClusterSecretRead } from './rbac/rbac-no-cluster-secret-read';
import { rbacNoEscalation } from './rbac/rbac-no-escalation';
import { rbacNoWildcards } from './rbac/rbac-no-wildcards';
import { serviceAccountTokenAutomount } from './rbac/service-account-token-automount';
import { noCredentials } from './secrets/no-credentials';
import { noSecretData } from './secrets/no-secret-data';

/** A group of rules, as docs/policy.md presents them. */
export interface RuleArea {
  title: string;
  rules: readonly PolicyRule[];
}

/** Every policy rule, by area. A new rule is a file in its area's folder plus a line here. */
export const ruleAreas: readonly RuleArea[] = [
  { title: 'Exemptions', rules: [exemptionReason, exemptionUnknownRule] },
  { title: 'Pod Security', rules: [pssBaseline, pssRestricted, namespacePodSecurityLabels] },
  { title: 'Containers', rules: [containerResources, imagePinned, hostAccess] },
  { title: 'CI jobs', rules: [ciJobDoNotDisrupt, ciJobServiceAccountToken] },
  {
    title: 'RBAC',
    rules: [
      rbacNoWildcards,
      rbacNoClusterAdmin,
      rbacNoClusterSecretRead,
      rbacNoEscalation,
      serviceAccountTokenAutomount,
    ],
  },
  { title: 'Secrets', rules: [noSecretData, noCredentials] },
  {
    title: 'ArgoCD',
    rules: [
      argocdAutomatedSync,
      argocdFinalizer,
      argocdProject,
      argocdExactChartVersion,
      argocdProjectNoWildcards,
    ],
  },
  {
    title: 'Karpenter',
    rules: [
      karpenterNodepoolLimits,
      karpenterNodepoolDisruptionBudgets,
      karpenterNodepoolExpireAfter,
      karpenterImdsv2,
      karpenterAlphaFeatureGate,
    ],
  },
];

export const policyRules: readonly PolicyRule[] = ruleAreas.flatMap((area) => area.rules);
