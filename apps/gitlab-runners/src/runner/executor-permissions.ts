import type { GitlabRunnerRbacRule } from '@platform/charts';

/**
 * The Kubernetes API permissions the Kubernetes executor of GitLab Runner 18.9 asks for, one row
 * per resource and verb, as upstream lists them: "Configure runner API permissions" in
 * docs/executors/kubernetes/_index.md (the table between `k8s_api_permissions_list_start` and
 * `_end`, https://docs.gitlab.com/runner/executors/kubernetes/#configure-runner-api-permissions).
 * Every resource is in the core API group. `configmaps` is not in it: the 18.9 executor creates
 * none (its per-job objects are Pods, Secrets and Services). Later upstream tables add
 * `poddisruptionbudgets` (`pod_disruption_budget=true`) and `apps/deployments`
 * (`kubernetes.autoscaler`), both behind config.toml settings this platform does not set: a
 * runner bump that brings them adds rows here, ungranted.
 *
 * The manager's Role is generated from the rows marked granted, and nothing else; a test fails
 * when the rendered Role grants anything this table does not.
 */
export interface ExecutorPermission {
  resource: string;
  verb: string;
  /** Upstream's condition for needing it; absent when it is always needed. */
  upstreamCondition?: string;
  /** Granted, or not, and why (for a conditional row: whether a job can make the condition true). */
  grant: { granted: boolean; reason: string };
}

/** Feature flags are job variables too: a `.gitlab-ci.yml` can turn any of them on for its job. */
const jobCanSetFlag = { granted: true, reason: 'a job can set this feature flag in its variables' };
const always = { granted: true, reason: 'always needed' };

export const executorPermissions: readonly ExecutorPermission[] = [
  {
    resource: 'events',
    verb: 'list',
    upstreamCondition: 'print_pod_warning_events=true',
    grant: { granted: true, reason: 'print_pod_warning_events is on by default in 18.9' },
  },
  {
    resource: 'events',
    verb: 'watch',
    upstreamCondition: 'FF_PRINT_POD_EVENTS=true',
    grant: jobCanSetFlag,
  },
  ...['create', 'delete'].map((verb) => ({
    resource: 'namespaces',
    verb,
    upstreamCondition: 'kubernetes.NamespacePerJob=true',
    grant: {
      granted: false,
      reason: 'namespace_per_job is not set in config.toml, and a job cannot set it',
    },
  })),
  ...['create', 'delete', 'get'].map((verb) => ({ resource: 'pods', verb, grant: always })),
  {
    resource: 'pods',
    verb: 'list',
    upstreamCondition: 'using informers (17.9 and later)',
    grant: { granted: true, reason: 'the executor tracks job pods with an informer' },
  },
  {
    resource: 'pods',
    verb: 'watch',
    upstreamCondition:
      'using informers, FF_KUBERNETES_HONOR_ENTRYPOINT=true, FF_USE_LEGACY_KUBERNETES_EXECUTION_STRATEGY=false',
    grant: { granted: true, reason: 'the executor tracks job pods with an informer' },
  },
  ...['create', 'delete', 'get', 'patch'].map((verb) => ({
    resource: 'pods/attach',
    verb,
    upstreamCondition: 'FF_USE_LEGACY_KUBERNETES_EXECUTION_STRATEGY=false',
    grant: { granted: true, reason: 'the attach strategy is the 18.9 default' },
  })),
  ...['create', 'delete', 'get', 'patch'].map((verb) => ({
    resource: 'pods/exec',
    verb,
    grant: always,
  })),
  {
    resource: 'pods/log',
    verb: 'get',
    upstreamCondition:
      'FF_KUBERNETES_HONOR_ENTRYPOINT=true, FF_USE_LEGACY_KUBERNETES_EXECUTION_STRATEGY=false, FF_WAIT_FOR_POD_TO_BE_REACHABLE=true',
    grant: {
      granted: true,
      reason: 'the attach strategy is the default; CI_DEBUG_SERVICES reads service logs',
    },
  },
  {
    resource: 'pods/log',
    verb: 'list',
    upstreamCondition:
      'FF_KUBERNETES_HONOR_ENTRYPOINT=true, FF_USE_LEGACY_KUBERNETES_EXECUTION_STRATEGY=false',
    grant: {
      granted: true,
      reason: 'the attach strategy is the default; CI_DEBUG_SERVICES reads service logs',
    },
  },
  ...['create', 'delete', 'get', 'update'].map((verb) => ({
    resource: 'secrets',
    verb,
    grant: always,
  })),
  { resource: 'serviceaccounts', verb: 'get', grant: always },
  ...['create', 'get'].map((verb) => ({ resource: 'services', verb, grant: always })),
];

/**
 * The Role's rules: one rule per set of resources that share the same granted verbs, in the
 * table's order, so the Role reads like the table.
 */
export function executorRbacRules(
  permissions: readonly ExecutorPermission[] = executorPermissions,
): GitlabRunnerRbacRule[] {
  const verbsByResource = new Map<string, string[]>();
  for (const permission of permissions.filter((p) => p.grant.granted)) {
    const verbs = verbsByResource.get(permission.resource) ?? [];
    verbsByResource.set(permission.resource, [...verbs, permission.verb]);
  }
  const rules: GitlabRunnerRbacRule[] = [];
  for (const [resource, verbs] of verbsByResource) {
    const same = rules.find((rule) => rule.verbs.join() === verbs.join());
    if (same) same.resources.push(resource);
    else rules.push({ apiGroups: [''], resources: [resource], verbs });
  }
  return rules;
}
