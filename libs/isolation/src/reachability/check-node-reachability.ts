import type { Finding } from '@platform/manifests';
import type { GrantClass } from '@platform/policy';
import { byCluster, findingAt, labelOf, type RenderedObject } from '../rendered/rendered-objects';
import { durationSeconds } from './karpenter-duration';
import { clusterReach, configuredIsolation, type PoolReach } from './node-reachability';

/** The finding ids, one per way a privileged node reaches beyond its own job. */
export const reachabilityRules = {
  /** Jobs of other projects on the same node, before or after: one escape reads them all. */
  sharing: 'privileged-node-sharing',
  /** A token on the node whose grants take the cluster. */
  token: 'privileged-node-token',
  /** The node's AWS identity or network identity is every other node's too. */
  identity: 'privileged-node-identity',
  /** Secret keys on the node that no pod on it reads. */
  secrets: 'privileged-node-secrets',
} as const;

/**
 * Every grant class that takes more than a node's own pods need. A node agent reads its own
 * kubelet through the fine-grained node subresources (`nodes/pods`, `nodes/stats`, …), which are
 * not among these; RBAC cannot narrow those to one node, so the privileged nodes' security group
 * must keep them off other kubelets (docs/security.md, infrastructure requirements).
 */
const beyondTheNode: Readonly<Record<GrantClass, string>> = {
  'node-proxy': 'exec into any pod on any node through its kubelet',
  escalate: 'grant itself any right',
  bind: 'bind cluster-admin to itself',
  impersonate: 'act as any user or ServiceAccount',
  'pod-exec': 'exec into pods',
  'secret-read': 'read Secrets',
  'pod-read': "read pod specs with every job's CI/CD variables",
  'token-create': 'mint ServiceAccount tokens',
  'workload-write': 'run pods under other identities',
  'node-write': 'relabel and taint nodes to steer other pods',
};

const hostname = 'kubernetes.io/hostname';

/**
 * For each NodePool whose nodes run privileged job pods (root on the node, by design), what else
 * a job that escapes to the node holds: other jobs on the node, tokens and Secrets that land there
 * with the node agents, and the node's AWS role and security groups. Fails on anything that grants
 * more than the node's own workloads need.
 */
export function checkNodeReachability(objects: readonly RenderedObject[]): Finding[] {
  const findings: Finding[] = [];
  for (const [cluster, clusterObjects] of byCluster(objects))
    for (const reach of clusterReach(cluster, clusterObjects))
      if (reach.privileged)
        findings.push(
          ...sharingFindings(reach),
          ...tokenFindings(reach),
          ...identityFindings(reach),
          ...secretFindings(reach),
        );
  return findings;
}

function sharingFindings(reach: PoolReach): Finding[] {
  const findings: Finding[] = [];
  const pool = reach.pool.name;
  for (const runner of reach.runners) {
    const at = (message: string) =>
      findingAt(
        runner.configMap,
        ['data', 'config.template.toml'],
        reachabilityRules.sharing,
        message,
      );
    const apart = runner.antiAffinity.some(
      (term) =>
        term.topologyKey === hostname &&
        Object.keys(term.matchLabels).length > 0 &&
        Object.entries(term.matchLabels).every(([k, v]) => runner.podLabels[k] === v),
    );
    if (!runner.privileged)
      findings.push(
        at(
          `job pods of this unprivileged runner land on the privileged pool ${pool}, beside jobs that are root on the node`,
        ),
      );
    else if (!apart)
      findings.push(
        at(
          `privileged job pods have no required pod anti-affinity on ${hostname} over their own labels: jobs of different projects share a ${pool} node, and one that escapes to the node reads the others' variables and CI_JOB_TOKEN`,
        ),
      );
  }
  findings.push(...lifetimeFindings(reach));
  return findings;
}

/** Nodes that outlive their window take later jobs, after an earlier one may have taken the node. */
function lifetimeFindings(reach: PoolReach): Finding[] {
  const nodePool = reach.pool.nodePool;
  const isolation = configuredIsolation(reach.pool.name);
  const at = (path: (string | number)[], message: string) =>
    findingAt(nodePool, path, reachabilityRules.sharing, message);
  if (isolation?.mode !== 'one-job-per-node')
    return [
      at(
        ['metadata', 'name'],
        `runs privileged jobs, but libs/config gives it job isolation "${isolation?.mode ?? 'none'}", not one-job-per-node`,
      ),
    ];
  const findings: Finding[] = [];
  const consolidateAfter = String(nodePool.value.spec?.disruption?.consolidateAfter ?? '');
  if (consolidateAfter !== '0s')
    findings.push(
      at(
        ['spec', 'disruption', 'consolidateAfter'],
        `consolidateAfter is ${consolidateAfter || 'unset'}: an empty privileged node waits for the next job instead of going at once`,
      ),
    );
  const expireAfter = String(nodePool.value.spec?.template?.spec?.expireAfter ?? '720h');
  if (durationSeconds(expireAfter) > durationSeconds(isolation.takesJobsFor))
    findings.push(
      at(
        ['spec', 'template', 'spec', 'expireAfter'],
        `expireAfter is ${expireAfter}: a privileged node takes new jobs for that long, more than the ${isolation.takesJobsFor} libs/config allows`,
      ),
    );
  return findings;
}

function tokenFindings(reach: PoolReach): Finding[] {
  return reach.workloads.flatMap(({ template, credentials, grants }) =>
    grants.map((grant) =>
      findingAt(
        template.workload,
        [...template.path, 'spec'],
        reachabilityRules.token,
        `puts the token of ServiceAccount ${credentials.tokenOf} on ${reach.pool.name} nodes; ${grant.role} (${grant.binding}, ${grant.scope === 'cluster' ? 'every namespace' : `namespace ${grant.scope}`}) grants ${grant.detail}: root on the node can ${beyondTheNode[grant.class]}`,
      ),
    ),
  );
}

function identityFindings(reach: PoolReach): Finding[] {
  const own = reach.pool.nodeClass;
  if (!own) return [];
  const findings: Finding[] = [];
  const seen = new Set<RenderedObject>();
  for (const other of reach.others) {
    const theirs = other.nodeClass;
    if (!theirs || seen.has(theirs)) continue;
    seen.add(theirs);
    if (theirs === own) {
      findings.push(
        findingAt(
          reach.pool.nodePool,
          ['spec', 'template', 'spec', 'nodeClassRef'],
          reachabilityRules.identity,
          `shares EC2NodeClass ${own.name} with NodePool ${other.name}: the same node role and security groups`,
        ),
      );
      continue;
    }
    const role = (o: RenderedObject): string | undefined =>
      o.value.spec?.role ?? o.value.spec?.instanceProfile;
    if (role(own) && role(own) === role(theirs))
      findings.push(
        findingAt(
          own,
          ['spec', 'role'],
          reachabilityRules.identity,
          `node IAM role ${role(own)} is also the role of ${labelOf(theirs)} (NodePool ${other.name}): root on a privileged node holds every node's AWS permissions`,
        ),
      );
    const terms = (o: RenderedObject) =>
      JSON.stringify(o.value.spec?.securityGroupSelectorTerms ?? []);
    const mine = (own.value.spec?.securityGroupSelectorTerms ?? []) as unknown[];
    const shared = mine.filter((term) => terms(theirs).includes(JSON.stringify(term)));
    if (shared.length > 0)
      findings.push(
        findingAt(
          own,
          ['spec', 'securityGroupSelectorTerms'],
          reachabilityRules.identity,
          `selects security groups with ${JSON.stringify(shared)}, as ${labelOf(theirs)} (NodePool ${other.name}) does: privileged nodes reach every node and kubelet the other nodes reach`,
        ),
      );
  }
  return findings;
}

function secretFindings(reach: PoolReach): Finding[] {
  const used = new Map<string, { keys: Set<string> | 'all'; by: string[] }>();
  for (const { template, credentials } of reach.workloads)
    for (const secret of credentials.secrets) {
      const id = `${template.namespace}/${secret.name}`;
      const entry = used.get(id) ?? { keys: new Set<string>(), by: [] };
      if (secret.keys === 'all' || entry.keys === 'all') entry.keys = 'all';
      else for (const key of secret.keys) entry.keys.add(key);
      entry.by.push(labelOf(template.workload));
      used.set(id, entry);
    }
  const findings: Finding[] = [];
  for (const [id, { keys, by }] of used) {
    const held = reach.secretKeys.get(id);
    if (keys === 'all' || !held) continue;
    const unread = [...held].filter((key) => !keys.has(key)).sort();
    if (unread.length === 0) continue;
    const workload = reach.workloads.find((w) => labelOf(w.template.workload) === by[0])!;
    findings.push(
      findingAt(
        workload.template.workload,
        [...workload.template.path, 'spec'],
        reachabilityRules.secrets,
        `Secret ${id} lands on ${reach.pool.name} nodes (read by ${[...new Set(by)].join(', ')}) with keys ${unread.join(', ')} that no pod there reads: the node's kubelet credentials fetch the whole Secret`,
      ),
    );
  }
  return findings;
}
