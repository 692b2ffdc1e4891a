import { markdownTable } from './markdown-table';
import { labelOfMinor } from '../pod-security-version/kubernetes-minor';
import {
  oldestModelledMinor,
  safeSysctlAdditions,
  seLinuxTypeAdditions,
  standardChanges,
} from '../pod-security-version/standard-changes';

const basisText = {
  policy: 'pinned version',
  cluster: 'cluster version',
} as const;

/** The "Pod Security versions" section of docs/policy.md, from the version table the rules read. */
export function podSecurityVersionsSection(): string {
  const rows = [...standardChanges]
    .sort((a, b) => a.since - b.since)
    .map((change) => [
      labelOfMinor(change.since),
      basisText[change.basis],
      change.level,
      `\`${change.check}\``,
      change.change,
    ]);
  const base = (additions: typeof safeSysctlAdditions) =>
    additions
      .filter(({ since }) => since === 0)
      .flatMap(({ names }) => names)
      .map((name) => `\`${name}\``)
      .join(', ');
  return [
    '## Pod Security versions',
    '',
    "The API server evaluates a pod against the Pod Security Standards at the version its namespace pins in `pod-security.kubernetes.io/enforce-version`, and the standards change between releases. `pss-baseline` and `pss-restricted` do the same, following k8s.io/pod-security-admission's checks version by version:",
    '',
    "- a workload is judged at its Namespace's `enforce-version` (a Namespace among the checked files, on the same cluster); `latest`, no label or no Namespace means the cluster's Kubernetes version from the inventory (`eks.kubernetesVersion` in `libs/config/src/clusters/`, the cluster being the `rendered/<cluster>/` folder);",
    "- a pin newer than the cluster counts as the cluster's version, as the API server clamps it to the newest version it knows;",
    '- files outside `rendered/<cluster>/` are judged at the newest version modelled here;',
    `- \`namespace-pod-security-labels\` requires every Namespace to pin all three modes to \`v1.<minor>\`, from ${labelOfMinor(oldestModelledMinor)} (where this model starts) up to the cluster's version. \`addPlatformNamespace\` pins the cluster's version, so upgrading a cluster is an inventory change whose render and \`gitops check\` show what the new standard changes.`,
    '',
    `What changes from which version (the base, before any row: safe sysctls ${base(safeSysctlAdditions)}; SELinux types ${base(seLinuxTypeAdditions)}). _Pinned version_ rows follow the namespace's pin; _cluster version_ rows follow the API server's own version at every pin, because upstream changed the check in place rather than adding a version:`,
    '',
    markdownTable(['from', 'follows', 'level', 'upstream check', 'change'], rows),
    '',
  ].join('\n');
}
