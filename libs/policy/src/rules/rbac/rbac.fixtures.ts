import { failing, file, passing, yaml, type RuleFixture } from '../../fixtures/rule-fixture';

const runnerRole = file(
  'rendered/ci/gitlab-runners/restricted/role-ci-jobs-runner-manager.yaml',
  yaml`
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata:
      name: runner-manager
      namespace: ci-jobs
    rules:
      - apiGroups: [""]
        resources: [pods, pods/exec, pods/attach, secrets]
        verbs: [create, delete, get, list, watch]
  `,
);

export const rbacFixtures: RuleFixture[] = [
  failing(
    'rbac-no-wildcards',
    'rbac-no-wildcards reports a wildcard in apiGroups, resources and verbs, also inside a name',
    file(
      'rendered/ci/shop/rbac/clusterrole-too-broad.yaml',
      yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: too-broad
        rules:
          - apiGroups: ["*"]
            resources: ["deployments/*"]
            verbs: ["get", "*"]
      `,
    ),
    [
      {
        line: 6,
        field: 'rules[0].apiGroups[0]',
        message: 'rule 0 has the wildcard "*" in apiGroups',
      },
      {
        line: 7,
        field: 'rules[0].resources[0]',
        message: 'rule 0 has the wildcard "deployments/*" in resources',
      },
      { line: 8, field: 'rules[0].verbs[1]', message: 'rule 0 has the wildcard "*" in verbs' },
    ],
  ),
  passing(
    'rbac-no-wildcards',
    'rbac-no-wildcards accepts a runner manager Role that lists its resources and verbs',
    runnerRole,
  ),

  failing(
    'rbac-no-cluster-admin',
    'rbac-no-cluster-admin reports a ClusterRoleBinding and a RoleBinding to cluster-admin',
    file(
      'rendered/ci/shop/rbac/bindings.yaml',
      yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: deployer-admin
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: cluster-admin
        subjects:
          - kind: ServiceAccount
            name: deployer
            namespace: shop
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: shop-admin
          namespace: shop
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: cluster-admin
        subjects:
          - kind: Group
            name: shop-developers
      `,
    ),
    [
      {
        line: 8,
        field: 'roleRef.name',
        message: 'ClusterRoleBinding grants cluster-admin, full control of the cluster',
      },
      {
        line: 22,
        field: 'roleRef.name',
        message: 'RoleBinding grants cluster-admin, full control of namespace shop',
      },
    ],
  ),
  passing(
    'rbac-no-cluster-admin',
    'rbac-no-cluster-admin accepts a RoleBinding to a namespaced Role',
    [
      runnerRole,
      file(
        'rendered/ci/gitlab-runners/restricted/rolebinding-ci-jobs-runner-manager.yaml',
        yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: runner-manager
          namespace: ci-jobs
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: runner-manager
        subjects:
          - kind: ServiceAccount
            name: runner-manager
            namespace: gitlab-runners
      `,
      ),
    ],
  ),

  failing(
    'rbac-no-cluster-secret-read',
    'rbac-no-cluster-secret-read reports a ClusterRole rule that reads secrets',
    file(
      'rendered/ci/shop/rbac/clusterrole-secret-reader.yaml',
      yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: secret-reader
        rules:
          - apiGroups: [""]
            resources: [configmaps]
            verbs: [get]
          - apiGroups: [""]
            resources: [secrets, configmaps]
            verbs: [list, watch, create]
      `,
    ),
    [
      {
        line: 9,
        field: 'rules[1]',
        message: 'rule 1 grants list, watch on secrets in every namespace',
      },
    ],
  ),
  passing(
    'rbac-no-cluster-secret-read',
    'rbac-no-cluster-secret-read accepts Secret access in a namespaced Role',
    runnerRole,
  ),

  failing(
    'service-account-token-automount',
    'service-account-token-automount reports a ServiceAccount that leaves token automount on or turns it on',
    file(
      'rendered/ci/shop/web/serviceaccounts.yaml',
      yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: web
          namespace: shop
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: api
          namespace: shop
        automountServiceAccountToken: true
      `,
    ),
    [
      {
        line: 1,
        field: 'automountServiceAccountToken',
        message:
          'ServiceAccount does not set automountServiceAccountToken: false, so every pod using it gets an API token',
      },
      {
        line: 12,
        field: 'automountServiceAccountToken',
        message:
          'ServiceAccount sets automountServiceAccountToken: true, so every pod using it gets an API token',
      },
    ],
  ),
  passing(
    'service-account-token-automount',
    'service-account-token-automount accepts a ServiceAccount that turns automount off',
    file(
      'rendered/ci/shop/web/serviceaccount-shop-web.yaml',
      yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: web
          namespace: shop
        automountServiceAccountToken: false
      `,
    ),
  ),
  failing(
    'rbac-no-escalation',
    'rbac-no-escalation reports nodes/proxy, bind, impersonate and cluster-wide exec, also through a wildcard',
    file(
      'rendered/ci/shop/rbac/clusterrole-node-agent.yaml',
      yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: node-agent
        rules:
          - apiGroups: [""]
            resources: [nodes/stats, nodes/proxy]
            verbs: [get]
          - apiGroups: [rbac.authorization.k8s.io]
            resources: [clusterroles]
            verbs: [bind]
          - apiGroups: [""]
            resources: [serviceaccounts]
            verbs: [impersonate]
          - apiGroups: [""]
            resources: [pods/exec]
            verbs: [create]
          - apiGroups: ["*"]
            resources: ["*"]
            verbs: [get]
      `,
    ),
    [
      {
        line: 6,
        field: 'rules[0]',
        message:
          'rule 0 grants get on nodes/proxy: the kubelet API of every node, including exec into any pod on it',
      },
      {
        line: 9,
        field: 'rules[1]',
        message:
          'rule 1 grants bind on clusterroles: any role, cluster-admin included, by binding it',
      },
      {
        line: 12,
        field: 'rules[2]',
        message:
          'rule 2 grants impersonate on serviceaccounts: the rights of any user, group or ServiceAccount',
      },
      {
        line: 15,
        field: 'rules[3]',
        message:
          'rule 3 grants create on pods/exec: a shell in every pod of every namespace the role is bound in',
      },
      {
        line: 18,
        field: 'rules[4]',
        message:
          'rule 4 grants get on nodes/proxy: the kubelet API of every node, including exec into any pod on it',
      },
      {
        line: 18,
        field: 'rules[4]',
        message:
          'rule 4 grants get on pods/attach: a shell in every pod of every namespace the role is bound in',
      },
      {
        line: 18,
        field: 'rules[4]',
        message:
          'rule 4 grants get on pods/exec: a shell in every pod of every namespace the role is bound in',
      },
      {
        line: 18,
        field: 'rules[4]',
        message:
          'rule 4 grants get on pods/portforward: a shell in every pod of every namespace the role is bound in',
      },
    ],
  ),
  passing(
    'rbac-no-escalation',
    'rbac-no-escalation accepts a node agent on the fine-grained kubelet subresources and a runner Role that execs in its namespace',
    [
      file(
        'rendered/ci/shop/rbac/clusterrole-node-agent.yaml',
        yaml`
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata:
            name: node-agent
          rules:
            - apiGroups: [""]
              resources: [nodes/pods, nodes/stats, nodes/metrics]
              verbs: [get]
        `,
      ),
      runnerRole,
    ],
  ),
];
