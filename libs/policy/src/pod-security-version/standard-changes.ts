import type { KubernetesMinor } from './kubernetes-minor';

/**
 * How the Pod Security Standards changed from one Kubernetes minor to the next, after
 * k8s.io/pod-security-admission's policy checks (`policy/check_*.go`: each check registers
 * versioned implementations with a `MinimumVersion`). This table is the single source: the rules
 * read their allowed sets from it and docs/policy.md prints it.
 *
 * `basis` says which version a change follows:
 * - `policy`: the version the namespace pins (`enforce-version`), capped at the cluster's own
 *   minor, because an API server clamps a newer pin down to the newest version it knows;
 * - `cluster`: the API server's own minor, at every pinned version, because upstream patched the
 *   behaviour into the check's 1.0 implementation instead of adding a new version.
 */
export interface StandardChange {
  since: KubernetesMinor;
  basis: 'policy' | 'cluster';
  level: 'baseline' | 'restricted';
  /** The upstream check id (`policy/check_<id>.go`). */
  check: string;
  change: string;
}

/**
 * The oldest policy version this engine models. Pod Security admission went GA in 1.25; the
 * restricted Windows exemptions and the `seccompProfile` field checks are in force from there on.
 */
export const oldestModelledMinor: KubernetesMinor = 25;

/** Baseline's safe sysctls, by the policy version that added them (check `sysctls`). */
export const safeSysctlAdditions: readonly { since: KubernetesMinor; names: readonly string[] }[] =
  [
    {
      since: 0,
      names: [
        'kernel.shm_rmid_forced',
        'net.ipv4.ip_local_port_range',
        'net.ipv4.tcp_syncookies',
        'net.ipv4.ping_group_range',
        'net.ipv4.ip_unprivileged_port_start',
      ],
    },
    { since: 27, names: ['net.ipv4.ip_local_reserved_ports'] },
    {
      since: 29,
      names: [
        'net.ipv4.tcp_keepalive_time',
        'net.ipv4.tcp_fin_timeout',
        'net.ipv4.tcp_keepalive_intvl',
        'net.ipv4.tcp_keepalive_probes',
      ],
    },
    { since: 32, names: ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'] },
  ];

/** SELinux types baseline allows, by policy version (check `seLinuxOptions`; `''` is the runtime's default). */
export const seLinuxTypeAdditions: readonly { since: KubernetesMinor; names: readonly string[] }[] =
  [
    { since: 0, names: ['container_t', 'container_init_t', 'container_kvm_t'] },
    { since: 31, names: ['container_engine_t'] },
  ];

/** Policy version from which baseline forbids `host` in probes and lifecycle handlers. */
export const hostProbesSince: KubernetesMinor = 34;
/**
 * Policy version from which a pod in a user namespace (`hostUsers: false`) may set any
 * `procMount` under baseline, and skips restricted's `runAsNonRoot` and `runAsUser`; restricted
 * still requires `procMount: Default` (check `procMount_restricted`).
 */
export const userNamespaceRelaxationSince: KubernetesMinor = 35;
/** API server minor from which restricted allows `image` volumes, at every pinned version. */
export const imageVolumeClusterSince: KubernetesMinor = 33;
/** API server minor from which the `appArmorProfile` fields are checked, at every pinned version. */
export const appArmorFieldsClusterSince: KubernetesMinor = 30;

export const standardChanges: readonly StandardChange[] = [
  ...safeSysctlAdditions
    .filter(({ since }) => since > 0)
    .map(({ since, names }) => ({
      since,
      basis: 'policy' as const,
      level: 'baseline' as const,
      check: 'sysctls',
      change: `safe sysctls add ${names.map((name) => `\`${name}\``).join(', ')}`,
    })),
  ...seLinuxTypeAdditions
    .filter(({ since }) => since > 0)
    .map(({ since, names }) => ({
      since,
      basis: 'policy' as const,
      level: 'baseline' as const,
      check: 'seLinuxOptions',
      change: `SELinux type ${names.map((name) => `\`${name}\``).join(', ')} allowed`,
    })),
  {
    since: appArmorFieldsClusterSince,
    basis: 'cluster',
    level: 'baseline',
    check: 'appArmorProfile',
    change: '`appArmorProfile.type` on the pod and containers must not be `Unconfined`',
  },
  {
    since: imageVolumeClusterSince,
    basis: 'cluster',
    level: 'restricted',
    check: 'restrictedVolumes',
    change: '`image` volumes allowed',
  },
  {
    since: hostProbesSince,
    basis: 'policy',
    level: 'baseline',
    check: 'hostProbesAndHostLifecycle',
    change: 'probes and lifecycle handlers must not set `host`',
  },
  {
    since: userNamespaceRelaxationSince,
    basis: 'policy',
    level: 'baseline',
    check: 'procMount',
    change: 'any `procMount` allowed when the pod sets `hostUsers: false`',
  },
  {
    since: userNamespaceRelaxationSince,
    basis: 'policy',
    level: 'restricted',
    check: 'runAsNonRoot, runAsUser',
    change: 'skipped when the pod sets `hostUsers: false`',
  },
  {
    since: userNamespaceRelaxationSince,
    basis: 'policy',
    level: 'restricted',
    check: 'procMount_restricted',
    change: '`procMount` must still be `Default` when the pod sets `hostUsers: false`',
  },
];

/** Beyond this every pinned version behaves alike, so `latest` outside any cluster means it. */
export const newestModelledMinor: KubernetesMinor = Math.max(
  ...standardChanges.map((change) => change.since),
);

/** The names allowed at a version, from a table of additions. */
export function namesAllowedAt(
  additions: readonly { since: KubernetesMinor; names: readonly string[] }[],
  version: KubernetesMinor,
): ReadonlySet<string> {
  return new Set(additions.filter(({ since }) => since <= version).flatMap(({ names }) => names));
}
