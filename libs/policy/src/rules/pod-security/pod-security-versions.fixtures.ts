import { failing, file, passing, yaml, type RuleFixture } from '../../fixtures/rule-fixture';

/**
 * The same pods judged at different Pod Security versions: the version their namespace pins,
 * capped at the cluster's (fixture clusters: ci runs 1.35, legacy 1.31).
 */

function namespace(
  cluster: string,
  name: string,
  level: 'restricted' | 'baseline',
  version: string,
) {
  const exemption =
    level === 'baseline'
      ? `\n  annotations:\n    policy.platform/exempt.pss-restricted: Tuned network stack; baseline still applies.`
      : '';
  return file(
    `rendered/${cluster}/shop/namespaces/namespace-${name}.yaml`,
    yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: ${name}${exemption.replace(/\n/g, '\n      ')}
        labels:
          pod-security.kubernetes.io/enforce: ${level}
          pod-security.kubernetes.io/enforce-version: ${version}
          pod-security.kubernetes.io/audit: ${level}
          pod-security.kubernetes.io/audit-version: ${version}
          pod-security.kubernetes.io/warn: ${level}
          pod-security.kubernetes.io/warn-version: ${version}
    `,
  );
}

/** A pod that meets restricted except for what `podSpec` and `containerContext` add (YAML lines). */
function pod(cluster: string, namespaceName: string, podSpec: string, containerContext = '') {
  return file(
    `rendered/${cluster}/shop/web/pod-${namespaceName}-web.yaml`,
    yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        namespace: ${namespaceName}
      spec:
        automountServiceAccountToken: false${podSpec.replace(/\n/g, '\n        ')}
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            securityContext:
              allowPrivilegeEscalation: false
              capabilities:
                drop: [ALL]${containerContext.replace(/\n/g, '\n              ')}
            resources:
              requests: {cpu: 100m, memory: 128Mi}
              limits: {memory: 128Mi}
    `,
  );
}

const tunedSysctls = `
securityContext:
  runAsNonRoot: true
  seccompProfile:
    type: RuntimeDefault
  sysctls:
    - name: net.ipv4.tcp_rmem
      value: "4096 87380 16777216"
    - name: net.ipv4.tcp_wmem
      value: "4096 65536 16777216"`;

const keepaliveSysctl = `
securityContext:
  runAsNonRoot: true
  seccompProfile:
    type: RuntimeDefault
  sysctls:
    - name: net.ipv4.tcp_keepalive_time
      value: "600"`;

const userNamespace = `
hostUsers: false
securityContext:
  seccompProfile:
    type: RuntimeDefault`;
const unmaskedProc = `
procMount: Unmasked`;

export const podSecurityVersionFixtures: RuleFixture[] = [
  passing('pss-baseline', 'pss-baseline admits sysctls tcp_rmem and tcp_wmem at v1.32 and later', [
    namespace('ci', 'tuned', 'restricted', 'v1.32'),
    pod('ci', 'tuned', tunedSysctls),
  ]),
  failing(
    'pss-baseline',
    'pss-baseline refuses sysctls tcp_rmem and tcp_wmem in a namespace pinned to v1.31',
    [namespace('ci', 'tuned', 'restricted', 'v1.31'), pod('ci', 'tuned', tunedSysctls)],
    [
      {
        file: 'rendered/ci/shop/web/pod-tuned-web.yaml',
        line: 13,
        field: 'spec.securityContext.sysctls[0].name',
        message: 'sysctl "net.ipv4.tcp_rmem" is not in the safe set of Pod Security v1.31',
      },
      {
        file: 'rendered/ci/shop/web/pod-tuned-web.yaml',
        line: 15,
        field: 'spec.securityContext.sysctls[1].name',
        message: 'sysctl "net.ipv4.tcp_wmem" is not in the safe set of Pod Security v1.31',
      },
    ],
  ),
  failing(
    'pss-baseline',
    'pss-baseline judges an unpinned namespace at its cluster version: tcp_rmem is refused on a 1.31 cluster',
    pod('legacy', 'tuned', tunedSysctls),
    [
      {
        line: 13,
        field: 'spec.securityContext.sysctls[0].name',
        message: 'sysctl "net.ipv4.tcp_rmem" is not in the safe set of Pod Security v1.31',
      },
      {
        line: 15,
        field: 'spec.securityContext.sysctls[1].name',
        message: 'sysctl "net.ipv4.tcp_wmem" is not in the safe set of Pod Security v1.31',
      },
    ],
  ),
  failing(
    'pss-baseline',
    'pss-baseline judges a namespace pinned to v1.28 at v1.28, where tcp_keepalive_time is not yet safe',
    [namespace('ci', 'keepalive', 'restricted', 'v1.28'), pod('ci', 'keepalive', keepaliveSysctl)],
    [
      {
        file: 'rendered/ci/shop/web/pod-keepalive-web.yaml',
        line: 13,
        field: 'spec.securityContext.sysctls[0].name',
        message:
          'sysctl "net.ipv4.tcp_keepalive_time" is not in the safe set of Pod Security v1.28',
      },
    ],
  ),
  passing('pss-baseline', 'pss-baseline admits tcp_keepalive_time in a namespace pinned to v1.29', [
    namespace('ci', 'keepalive', 'restricted', 'v1.29'),
    pod('ci', 'keepalive', keepaliveSysctl),
  ]),
  passing('pss-baseline', 'pss-baseline admits procMount Unmasked with hostUsers: false at v1.35', [
    namespace('ci', 'userns', 'baseline', 'v1.35'),
    pod('ci', 'userns', userNamespace, unmaskedProc),
  ]),
  failing(
    'pss-baseline',
    'pss-baseline refuses procMount Unmasked with hostUsers: false at v1.34',
    [
      namespace('ci', 'userns', 'baseline', 'v1.34'),
      pod('ci', 'userns', userNamespace, unmaskedProc),
    ],
    [
      {
        file: 'rendered/ci/shop/web/pod-userns-web.yaml',
        line: 19,
        field: 'spec.containers[0].securityContext.procMount',
        message: 'container "app" sets procMount Unmasked; Pod Security v1.34 allows only Default',
      },
    ],
  ),
  failing(
    'pss-baseline',
    'pss-baseline caps a pin newer than the cluster at the cluster version (v1.35 on a 1.31 cluster)',
    [namespace('legacy', 'tuned', 'restricted', 'v1.35'), pod('legacy', 'tuned', tunedSysctls)],
    [
      {
        file: 'rendered/legacy/shop/web/pod-tuned-web.yaml',
        line: 13,
        field: 'spec.securityContext.sysctls[0].name',
        message: 'sysctl "net.ipv4.tcp_rmem" is not in the safe set of Pod Security v1.31',
      },
      {
        file: 'rendered/legacy/shop/web/pod-tuned-web.yaml',
        line: 15,
        field: 'spec.securityContext.sysctls[1].name',
        message: 'sysctl "net.ipv4.tcp_wmem" is not in the safe set of Pod Security v1.31',
      },
    ],
  ),
  failing(
    'pss-restricted',
    'pss-restricted at v1.35 skips runAsNonRoot for hostUsers: false but still requires procMount Default',
    [
      namespace('ci', 'userns', 'restricted', 'v1.35'),
      pod('ci', 'userns', userNamespace, unmaskedProc),
    ],
    [
      {
        file: 'rendered/ci/shop/web/pod-userns-web.yaml',
        line: 19,
        field: 'spec.containers[0].securityContext.procMount',
        message:
          'container "app" sets procMount Unmasked; restricted requires Default even with hostUsers: false',
      },
    ],
  ),
  failing(
    'pss-restricted',
    'pss-restricted at v1.34 requires runAsNonRoot even with hostUsers: false',
    [namespace('ci', 'userns', 'restricted', 'v1.34'), pod('ci', 'userns', userNamespace)],
    [
      {
        file: 'rendered/ci/shop/web/pod-userns-web.yaml',
        line: 15,
        field: 'spec.containers[0].securityContext.runAsNonRoot',
        message:
          'container "app" may run as root: set runAsNonRoot: true on the pod or the container',
      },
    ],
  ),
];
