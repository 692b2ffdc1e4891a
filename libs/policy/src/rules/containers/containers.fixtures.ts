import { compliantDeployment, privilegedNamespace } from '../../fixtures/compliant-manifests';
import { failing, file, passing, yaml, type RuleFixture } from '../../fixtures/rule-fixture';

const digest = 'sha256:4c1e9fd2a7b8c3d6e5f40112233445566778899aabbccddeeff00112233445566';

const observabilityNamespace = file(
  'rendered/ci/observability/namespaces/namespace-observability.yaml',
  privilegedNamespace('observability', 'Node agents read the node: logs under /var/log and /proc.'),
);

export const containerFixtures: RuleFixture[] = [
  failing(
    'container-resources',
    'container-resources reports each missing request and limit of containers and init containers',
    file(
      'rendered/ci/shop/web/deployment-shop-web.yaml',
      yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              initContainers:
                - name: migrate
                  image: registry.example.com/shop/migrate:1.4.2
              containers:
                - name: app
                  image: registry.example.com/shop/web:1.4.2
                  resources:
                    requests:
                      cpu: 100m
                      memory: 128Mi
      `,
    ),
    [
      {
        line: 10,
        field: 'spec.template.spec.initContainers[0].resources.requests.cpu',
        message: 'init container "migrate" has no CPU request',
      },
      {
        line: 10,
        field: 'spec.template.spec.initContainers[0].resources.limits.memory',
        message: 'init container "migrate" has no memory limit',
      },
      {
        line: 10,
        field: 'spec.template.spec.initContainers[0].resources.requests.memory',
        message: 'init container "migrate" has no memory request',
      },
      {
        line: 15,
        field: 'spec.template.spec.containers[0].resources.limits.memory',
        message: 'container "app" has no memory limit',
      },
    ],
  ),
  passing(
    'container-resources',
    'container-resources passes containers with CPU and memory requests and a memory limit',
    file('rendered/ci/shop/web/deployment-shop-web.yaml', compliantDeployment()),
  ),

  failing(
    'image-pinned',
    'image-pinned reports images without a tag or with latest, and does not take a registry port for a tag',
    file(
      'rendered/ci/shop/web/pod-shop-images.yaml',
      yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: images
          namespace: shop
        spec:
          containers:
            - name: untagged
              image: nginx
            - name: latest
              image: nginx:latest
            - name: port
              image: registry.example.com:5000/shop/web
            - name: digest
              image: registry.example.com:5000/shop/web@${digest}
      `,
    ),
    [
      {
        line: 9,
        field: 'spec.containers[0].image',
        message:
          'container "untagged" image "nginx" has no tag, so it pulls latest; pin a version tag or a digest',
      },
      {
        line: 11,
        field: 'spec.containers[1].image',
        message:
          'container "latest" image "nginx:latest" uses the latest tag; pin a version tag or a digest',
      },
      {
        line: 13,
        field: 'spec.containers[2].image',
        message:
          'container "port" image "registry.example.com:5000/shop/web" has no tag, so it pulls latest; pin a version tag or a digest',
      },
    ],
  ),
  passing(
    'image-pinned',
    'image-pinned accepts an image pinned by digest',
    file(
      'rendered/ci/shop/web/deployment-shop-web.yaml',
      compliantDeployment({ image: `registry.example.com/shop/web@${digest}` }),
    ),
  ),

  failing(
    'host-access',
    'host-access reports host access where pss-baseline is exempted, and stays silent where pss-baseline reports it',
    [
      file(
        'rendered/ci/observability/agents/daemonset-observability-log-agent.yaml',
        yaml`
          apiVersion: apps/v1
          kind: DaemonSet
          metadata:
            name: log-agent
            namespace: observability
          spec:
            template:
              spec:
                hostNetwork: true
                volumes:
                  - name: varlog
                    hostPath:
                      path: /var/log
                containers:
                  - name: agent
                    image: registry.example.com/agent:2.1.0
        `,
      ),
      observabilityNamespace,
      file(
        'rendered/ci/shop/web/daemonset-shop-sneaky.yaml',
        yaml`
          apiVersion: apps/v1
          kind: DaemonSet
          metadata:
            name: sneaky
            namespace: shop
          spec:
            template:
              spec:
                hostPID: true
                containers:
                  - name: app
                    image: registry.example.com/shop/web:1.4.2
        `,
      ),
    ],
    [
      {
        line: 9,
        field: 'spec.template.spec.hostNetwork',
        message: 'pod uses hostNetwork, which is host access',
      },
      {
        line: 12,
        field: 'spec.template.spec.volumes[0].hostPath',
        message: 'volume "varlog" mounts the node\'s /var/log, which is host access',
      },
    ],
  ),
  passing(
    'host-access',
    'host-access accepts a node agent exempted on its own DaemonSet in a privileged namespace',
    [
      observabilityNamespace,
      file(
        'rendered/ci/observability/agents/daemonset-observability-log-agent.yaml',
        yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: log-agent
          namespace: observability
          annotations:
            policy.platform/exempt.host-access: Tails container logs under /var/log/containers on every node.
        spec:
          template:
            spec:
              automountServiceAccountToken: false
              volumes:
                - name: varlog
                  hostPath:
                    path: /var/log
              containers:
                - name: agent
                  image: registry.example.com/agent:2.1.0
                  resources:
                    requests: {cpu: 50m, memory: 64Mi}
                    limits: {memory: 64Mi}
      `,
      ),
    ],
  ),
];
