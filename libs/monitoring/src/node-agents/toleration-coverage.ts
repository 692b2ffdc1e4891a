import { parseSourceFile, type Finding, type ManifestDocument } from '@platform/manifests';
import type { TextFile } from '../runbook/runbook-check';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: string;
}

/** Kubernetes' rule: does this toleration let a pod onto a node with this taint? */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (!toleration.key) return toleration.operator === 'Exists';
  if (toleration.key !== taint.key) return false;
  if (toleration.operator === 'Exists') return true;
  return (toleration.value ?? '') === (taint.value ?? '');
}

export interface TolerationCoverageInput {
  renderedFiles: readonly TextFile[];
  /** The namespace of the node agents: every DaemonSet there must run on every node. */
  agentNamespace: string;
}

const rule = 'node-agent-tolerations';

/**
 * Per cluster (`rendered/<cluster>/…`), every DaemonSet in the agents' namespace tolerates every
 * taint and startup taint of every rendered Karpenter NodePool. A node an agent cannot land on is a
 * node without metrics or logs, and nobody notices until that node is the one that matters.
 */
export function checkNodeAgentTolerations(input: TolerationCoverageInput): Finding[] {
  const taints = new Map<string, { pool: string; taint: Taint }[]>();
  const agents: { cluster: string; document: ManifestDocument }[] = [];
  for (const file of input.renderedFiles) {
    const cluster = /^rendered\/([^/]+)\//.exec(file.path)?.[1];
    if (!cluster) continue;
    for (const document of parseSourceFile(file).documents) {
      const object = document.value as WorkloadShape;
      if (object?.kind === 'NodePool' && object.apiVersion?.startsWith('karpenter.sh/')) {
        const spec = object.spec?.template?.spec;
        const pool = object.metadata?.name ?? '?';
        const list = taints.get(cluster) ?? [];
        for (const taint of [...(spec?.taints ?? []), ...(spec?.startupTaints ?? [])])
          list.push({ pool, taint });
        taints.set(cluster, list);
      } else if (
        object?.kind === 'DaemonSet' &&
        object.metadata?.namespace === input.agentNamespace
      ) {
        agents.push({ cluster, document });
      }
    }
  }
  return agents.flatMap(({ cluster, document }) =>
    uncoveredTaints(document, taints.get(cluster) ?? []),
  );
}

function uncoveredTaints(
  document: ManifestDocument,
  taints: readonly { pool: string; taint: Taint }[],
): Finding[] {
  const object = document.value as WorkloadShape;
  const tolerations = object.spec?.template?.spec?.tolerations ?? [];
  const path = ['spec', 'template', 'spec', 'tolerations'];
  return taints
    .filter(({ taint }) => !tolerations.some((toleration) => tolerates(toleration, taint)))
    .map(({ pool, taint }) => ({
      file: document.file,
      ...document.locate(path),
      resource: `DaemonSet/${object.metadata?.namespace}/${object.metadata?.name}`,
      field: path.join('.'),
      message: `does not tolerate taint ${taint.key}=${taint.value ?? ''}:${taint.effect} of NodePool ${pool}, so the agent is missing from its nodes`,
      severity: 'error' as const,
      rule,
    }));
}

interface WorkloadShape {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  spec?: {
    template?: {
      spec?: { taints?: Taint[]; startupTaints?: Taint[]; tolerations?: Toleration[] };
    };
  };
}
