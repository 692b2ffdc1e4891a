/**
 * What one RBAC rule lets its holder do, in the terms an attacker thinks in: a way to run code in
 * other pods, to read their credentials, or to give itself more rights. One classification for
 * the `rbac-no-escalation` policy rule (over Roles and ClusterRoles) and for the reachability
 * check (over the tokens that land on a node), so both call the same grant by the same name.
 */
export type GrantClass =
  /** `get` (or any verb) on `nodes/proxy`: the kubelet API of every node, exec included. */
  | 'node-proxy'
  /** `escalate` on roles: grant oneself what one does not hold. */
  | 'escalate'
  /** `bind` on roles: bind any role, cluster-admin included. */
  | 'bind'
  /** `impersonate`: act as any user, group or ServiceAccount. */
  | 'impersonate'
  /** `pods/exec`, `pods/attach`, `pods/portforward` (`get` suffices for the websocket protocol). */
  | 'pod-exec'
  /** Read Secrets. */
  | 'secret-read'
  /** Read pod specs, with every environment variable (a CI job's variables). */
  | 'pod-read'
  /** Mint tokens of ServiceAccounts. */
  | 'token-create'
  /** Create or change pods or the controllers that create them: run code under any identity of the namespace. */
  | 'workload-write'
  /** Change nodes: labels and taints steer where pods land. */
  | 'node-write';

export interface RbacRule {
  apiGroups?: readonly string[];
  resources?: readonly string[];
  verbs?: readonly string[];
  resourceNames?: readonly string[];
  nonResourceURLs?: readonly string[];
}

export interface Grant {
  class: GrantClass;
  /** `get on nodes/proxy`, `* on *`: what in the rule grants it. */
  detail: string;
}

const readVerbs = ['get', 'list', 'watch'];
const writeVerbs = ['create', 'update', 'patch'];
const workloadResources: Readonly<Record<string, readonly string[]>> = {
  '': ['pods', 'replicationcontrollers'],
  apps: ['deployments', 'daemonsets', 'statefulsets', 'replicasets'],
  batch: ['jobs', 'cronjobs'],
};

/** The verbs that are escalations by themselves, and the resources they take effect on. */
const verbTargets: readonly { verb: GrantClass; targets: readonly [string, string][] }[] = [
  {
    verb: 'escalate',
    targets: [
      ['rbac.authorization.k8s.io', 'roles'],
      ['rbac.authorization.k8s.io', 'clusterroles'],
    ],
  },
  {
    verb: 'bind',
    targets: [
      ['rbac.authorization.k8s.io', 'roles'],
      ['rbac.authorization.k8s.io', 'clusterroles'],
    ],
  },
  {
    verb: 'impersonate',
    targets: [
      ['', 'users'],
      ['', 'groups'],
      ['', 'serviceaccounts'],
      ['authentication.k8s.io', 'userextras'],
      ['authentication.k8s.io', 'uids'],
    ],
  },
];

/** Every grant class a rule carries (a wildcard carries every class its wildcard reaches). */
export function grantsOfRule(rule: RbacRule): Grant[] {
  if ((rule.nonResourceURLs ?? []).length > 0 && (rule.resources ?? []).length === 0) return [];
  const groups = rule.apiGroups ?? [];
  const resources = rule.resources ?? [];
  const verbs = rule.verbs ?? [];
  const inGroup = (group: string) => groups.includes(group) || groups.includes('*');
  const matchesResource = (resource: string) =>
    resources.includes(resource) ||
    resources.includes('*') ||
    (resource.includes('/') && resources.includes(`*/${resource.split('/')[1]}`));
  const granted = (wanted: readonly string[]) =>
    verbs.includes('*') ? [...wanted] : wanted.filter((verb) => verbs.includes(verb));
  const grants: Grant[] = [];
  const add = (grantClass: GrantClass, on: string, with_: readonly string[]) => {
    if (with_.length === 0) return;
    const names = rule.resourceNames?.length
      ? ` (resourceNames ${rule.resourceNames.join(', ')})`
      : '';
    grants.push({ class: grantClass, detail: `${with_.join(', ')} on ${on}${names}` });
  };

  if (inGroup('') && matchesResource('nodes/proxy')) add('node-proxy', 'nodes/proxy', verbs);
  for (const { verb, targets } of verbTargets) {
    if (!verbs.includes(verb) && !verbs.includes('*')) continue;
    const reached = targets.filter(
      ([group, resource]) => inGroup(group) && matchesResource(resource),
    );
    if (reached.length > 0) add(verb, reached.map(([, resource]) => resource).join(', '), [verb]);
  }
  if (inGroup(''))
    for (const sub of ['pods/exec', 'pods/attach', 'pods/portforward'])
      if (matchesResource(sub)) add('pod-exec', sub, granted(['create', 'get']));
  if (inGroup('') && matchesResource('secrets')) add('secret-read', 'secrets', granted(readVerbs));
  if (inGroup('') && matchesResource('pods')) add('pod-read', 'pods', granted(readVerbs));
  if (inGroup('') && matchesResource('serviceaccounts/token'))
    add('token-create', 'serviceaccounts/token', granted(['create']));
  for (const [group, kinds] of Object.entries(workloadResources))
    if (inGroup(group))
      for (const kind of kinds)
        if (matchesResource(kind))
          add('workload-write', group ? `${group}/${kind}` : kind, granted(writeVerbs));
  if (inGroup('') && matchesResource('nodes'))
    add('node-write', 'nodes', granted([...writeVerbs, 'delete']));
  return grants;
}
