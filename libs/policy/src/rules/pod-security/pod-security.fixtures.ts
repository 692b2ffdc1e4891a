import {
  compliantDeployment,
  compliantNamespace,
  privilegedNamespace,
} from '../../fixtures/compliant-manifests';
import { failing, file, passing, yaml, type RuleFixture } from '../../fixtures/rule-fixture';

const escapePod = file(
  'rendered/ci/shop/web/pod-shop-escape.yaml',
  yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: escape
      namespace: shop
      annotations:
        container.apparmor.security.beta.kubernetes.io/app: unconfined
    spec:
      hostNetwork: true
      hostPID: true
      securityContext:
        sysctls:
          - name: kernel.msgmax
            value: "65536"
      volumes:
        - name: root
          hostPath:
            path: /
      containers:
        - name: app
          image: busybox:1.36
          securityContext:
            privileged: true
            capabilities:
              add: [SYS_ADMIN, CHOWN]
            seccompProfile:
              type: Unconfined
            seLinuxOptions:
              type: spc_t
            procMount: Unmasked
          ports:
            - containerPort: 80
              hostPort: 80
          livenessProbe:
            httpGet:
              host: 169.254.169.254
              port: 80
  `,
);

const windowsHostPod = file(
  'rendered/ci/shop/web/pod-shop-host-process.yaml',
  yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: host-process
      namespace: shop
    spec:
      hostIPC: true
      securityContext:
        appArmorProfile:
          type: Unconfined
        windowsOptions:
          hostProcess: true
        seLinuxOptions:
          user: system_u
      containers:
        - name: app
          image: busybox:1.36
          lifecycle:
            preStop:
              tcpSocket:
                host: 10.0.0.1
                port: 22
      ephemeralContainers:
        - name: debug
          image: busybox:1.36
          securityContext:
            privileged: true
  `,
);

const cronJobWithPrivilegedInit = file(
  'rendered/ci/shop/cleanup/cronjob-shop-cleanup.yaml',
  yaml`
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: cleanup
      namespace: shop
    spec:
      schedule: "0 3 * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: Never
              initContainers:
                - name: setup
                  image: busybox:1.36
                  securityContext:
                    privileged: true
              containers:
                - name: job
                  image: busybox:1.36
  `,
);

const loosePod = file(
  'rendered/ci/shop/web/pod-shop-loose.yaml',
  yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: loose
      namespace: shop
    spec:
      securityContext:
        runAsUser: 0
      volumes:
        - name: shared
          nfs:
            server: nfs.example.com
            path: /exports
      containers:
        - name: app
          image: busybox:1.36
          securityContext:
            capabilities:
              add: [CHOWN]
        - name: sidecar
          image: busybox:1.36
          securityContext:
            allowPrivilegeEscalation: false
            runAsNonRoot: false
            seccompProfile:
              type: RuntimeDefault
            capabilities:
              drop: [ALL]
  `,
);

const windowsPod = file(
  'rendered/ci/shop/web/pod-shop-windows.yaml',
  yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: windows
      namespace: shop
    spec:
      os:
        name: windows
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
      containers:
        - name: app
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 128Mi}
  `,
);

const deployment = file('rendered/ci/shop/web/deployment-shop-web.yaml', compliantDeployment());

export const podSecurityFixtures: RuleFixture[] = [
  failing(
    'pss-baseline',
    'pss-baseline reports every baseline control a pod breaks, at the offending field',
    escapePod,
    [
      {
        line: 7,
        field: 'metadata.annotations["container.apparmor.security.beta.kubernetes.io/app"]',
        message:
          'AppArmor profile "unconfined" for container "app" is not runtime/default or localhost/*',
      },
      {
        line: 9,
        field: 'spec.hostNetwork',
        message: "hostNetwork: true shares the node's network namespace",
      },
      {
        line: 10,
        field: 'spec.hostPID',
        message: "hostPID: true shares the node's process namespace",
      },
      {
        line: 13,
        field: 'spec.securityContext.sysctls[0].name',
        message: 'sysctl "kernel.msgmax" is not in the safe set of Pod Security v1.35',
      },
      {
        line: 17,
        field: 'spec.volumes[0].hostPath',
        message: 'volume "root" mounts a hostPath (/) from the node',
      },
      {
        line: 23,
        field: 'spec.containers[0].securityContext.privileged',
        message: 'container "app" is privileged',
      },
      {
        line: 25,
        field: 'spec.containers[0].securityContext.capabilities.add[0]',
        message: 'container "app" adds capability SYS_ADMIN, outside the baseline default set',
      },
      {
        line: 27,
        field: 'spec.containers[0].securityContext.seccompProfile.type',
        message:
          'container "app" sets seccompProfile.type Unconfined; only RuntimeDefault or Localhost keep it confined',
      },
      {
        line: 29,
        field: 'spec.containers[0].securityContext.seLinuxOptions.type',
        message: 'container "app" sets SELinux type spc_t',
      },
      {
        line: 30,
        field: 'spec.containers[0].securityContext.procMount',
        message:
          'container "app" sets procMount Unmasked; Pod Security v1.35 allows it only with hostUsers: false',
      },
      {
        line: 33,
        field: 'spec.containers[0].ports[0].hostPort',
        message: 'container "app" binds hostPort 80 on the node',
      },
      {
        line: 36,
        field: 'spec.containers[0].livenessProbe.httpGet.host',
        message: 'container "app" livenessProbe targets host "169.254.169.254" instead of the pod',
      },
    ],
  ),
  failing(
    'pss-baseline',
    'pss-baseline finds the pod template of a CronJob and checks its init containers',
    cronJobWithPrivilegedInit,
    [
      {
        line: 17,
        field: 'spec.jobTemplate.spec.template.spec.initContainers[0].securityContext.privileged',
        message: 'init container "setup" is privileged',
      },
    ],
  ),
  failing(
    'pss-baseline',
    'pss-baseline checks the pod security context, lifecycle hooks and ephemeral containers',
    windowsHostPod,
    [
      { line: 7, field: 'spec.hostIPC', message: "hostIPC: true shares the node's IPC namespace" },
      {
        line: 10,
        field: 'spec.securityContext.appArmorProfile.type',
        message:
          'the pod sets appArmorProfile.type Unconfined; only RuntimeDefault or Localhost keep it confined',
      },
      {
        line: 12,
        field: 'spec.securityContext.windowsOptions.hostProcess',
        message: 'the pod runs as a Windows HostProcess with access to the node',
      },
      {
        line: 14,
        field: 'spec.securityContext.seLinuxOptions.user',
        message: 'the pod sets a custom SELinux user',
      },
      {
        line: 21,
        field: 'spec.containers[0].lifecycle.preStop.tcpSocket.host',
        message: 'container "app" lifecycle.preStop targets host "10.0.0.1" instead of the pod',
      },
      {
        line: 27,
        field: 'spec.ephemeralContainers[0].securityContext.privileged',
        message: 'ephemeral container "debug" is privileged',
      },
    ],
  ),
  passing('pss-baseline', 'pss-baseline passes a hardened Deployment', deployment),

  failing(
    'pss-restricted',
    'pss-restricted reports what restricted adds to baseline, and nothing baseline already reports',
    loosePod,
    [
      {
        line: 8,
        field: 'spec.securityContext.runAsUser',
        message: 'the pod runs as user 0 (root)',
      },
      {
        line: 11,
        field: 'spec.volumes[0].nfs',
        message: 'volume "shared" is of type nfs, which restricted does not allow',
      },
      {
        line: 17,
        field: 'spec.containers[0].securityContext.seccompProfile.type',
        message:
          'container "app" has no seccomp profile: set seccompProfile.type RuntimeDefault on the pod or the container',
      },
      {
        line: 17,
        field: 'spec.containers[0].securityContext.runAsNonRoot',
        message:
          'container "app" may run as root: set runAsNonRoot: true on the pod or the container',
      },
      {
        line: 17,
        field: 'spec.containers[0].securityContext.allowPrivilegeEscalation',
        message: 'container "app" must set allowPrivilegeEscalation: false',
      },
      {
        line: 18,
        field: 'spec.containers[0].securityContext.capabilities.drop',
        message: 'container "app" must drop ALL capabilities',
      },
      {
        line: 19,
        field: 'spec.containers[0].securityContext.capabilities.add[0]',
        message: 'container "app" adds capability CHOWN; restricted allows only NET_BIND_SERVICE',
      },
      {
        line: 24,
        field: 'spec.containers[1].securityContext.runAsNonRoot',
        message: 'container "sidecar" sets runAsNonRoot: false',
      },
    ],
  ),
  passing(
    'pss-restricted',
    'pss-restricted accepts runAsNonRoot and seccomp set once on the pod',
    deployment,
  ),
  passing(
    'pss-restricted',
    'pss-restricted skips the Linux-only controls for a Windows pod',
    windowsPod,
  ),

  failing(
    'namespace-pod-security-labels',
    'namespace-pod-security-labels reports missing and invalid labels, unpinned versions, a pin newer than the cluster and a privileged namespace without exemptions',
    file(
      'rendered/ci/agents/namespaces/namespace-agents.yaml',
      yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: agents
          labels:
            pod-security.kubernetes.io/enforce: privileged
            pod-security.kubernetes.io/enforce-version: latest
            pod-security.kubernetes.io/warn: permissive
            pod-security.kubernetes.io/warn-version: "1.33"
            pod-security.kubernetes.io/audit-version: v1.36
      `,
    ),
    [
      {
        line: 3,
        field: 'metadata.annotations["policy.platform/exempt.pss-baseline"]',
        message:
          'Namespace enforces Pod Security "privileged" but has no policy.platform/exempt.pss-baseline annotation saying why it cannot be baseline',
      },
      {
        line: 3,
        field: 'metadata.annotations["policy.platform/exempt.pss-restricted"]',
        message:
          'Namespace enforces Pod Security "privileged" but has no policy.platform/exempt.pss-restricted annotation saying why it cannot be restricted',
      },
      {
        line: 5,
        field: 'metadata.labels["pod-security.kubernetes.io/audit"]',
        message: 'Namespace has no pod-security.kubernetes.io/audit label',
      },
      {
        line: 7,
        field: 'metadata.labels["pod-security.kubernetes.io/enforce-version"]',
        message:
          'pod-security.kubernetes.io/enforce-version is "latest"; pin it to a version like v1.35, so a cluster upgrade does not change the standard unreviewed',
      },
      {
        line: 8,
        field: 'metadata.labels["pod-security.kubernetes.io/warn"]',
        message:
          'pod-security.kubernetes.io/warn is "permissive"; it must be privileged, baseline, restricted',
      },
      {
        line: 9,
        field: 'metadata.labels["pod-security.kubernetes.io/warn-version"]',
        message:
          'pod-security.kubernetes.io/warn-version is "1.33"; pin it to a version like v1.35, so a cluster upgrade does not change the standard unreviewed',
      },
      {
        line: 10,
        field: 'metadata.labels["pod-security.kubernetes.io/audit-version"]',
        message:
          'pod-security.kubernetes.io/audit-version is v1.36 but the cluster runs v1.35, which evaluates it as v1.35',
      },
    ],
  ),
  failing(
    'namespace-pod-security-labels',
    'namespace-pod-security-labels reports an exemption from the level the namespace enforces, and a version older than the policy models',
    file(
      'rendered/ci/shop/namespaces/namespace-shop.yaml',
      yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          annotations:
            policy.platform/exempt.pss-restricted: Legacy images run as root.
          labels:
            pod-security.kubernetes.io/enforce: restricted
            pod-security.kubernetes.io/enforce-version: v1.24
            pod-security.kubernetes.io/audit: restricted
            pod-security.kubernetes.io/audit-version: v1.33
            pod-security.kubernetes.io/warn: restricted
            pod-security.kubernetes.io/warn-version: v1.33
      `,
    ),
    [
      {
        line: 6,
        field: 'metadata.annotations["policy.platform/exempt.pss-restricted"]',
        message:
          'Namespace is exempt from pss-restricted but enforces "restricted", so the API server rejects the pods the exemption is for',
      },
      {
        line: 9,
        field: 'metadata.labels["pod-security.kubernetes.io/enforce-version"]',
        message:
          'pod-security.kubernetes.io/enforce-version is v1.24; versions before v1.25 are not modelled by this policy',
      },
    ],
  ),
  passing(
    'namespace-pod-security-labels',
    'namespace-pod-security-labels passes restricted, baseline and privileged namespaces written like addPlatformNamespace',
    [
      file('rendered/ci/shop/namespaces/namespace-shop.yaml', compliantNamespace('shop')),
      file(
        'rendered/ci/legacy/namespaces/namespace-legacy.yaml',
        yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: legacy
          annotations:
            policy.platform/exempt.pss-restricted: The vendor image runs as root; baseline still applies.
          labels:
            pod-security.kubernetes.io/enforce: baseline
            pod-security.kubernetes.io/enforce-version: v1.33
            pod-security.kubernetes.io/audit: baseline
            pod-security.kubernetes.io/audit-version: v1.33
            pod-security.kubernetes.io/warn: restricted
            pod-security.kubernetes.io/warn-version: v1.35
      `,
      ),
      file(
        'rendered/ci/gitlab-runners/namespaces/namespace-ci-jobs-privileged.yaml',
        privilegedNamespace(
          'ci-jobs-privileged',
          'Docker-in-Docker build jobs need privileged containers.',
        ),
      ),
    ],
  ),
];
