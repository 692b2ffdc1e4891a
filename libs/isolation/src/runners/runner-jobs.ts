import { parse } from 'smol-toml';
import type { RenderedObject } from '../rendered/rendered-objects';
import type { PlacementTerms, SelectorRequirement } from '../workloads/node-placement';

/**
 * The job pods a GitLab Runner manager creates at run time, as its rendered `config.template.toml`
 * (the `[[runners]]` template the chart merges at registration) describes them. Job pods never
 * pass through rendered/: this is the only place their shape can be read before they exist.
 */
export interface RunnerJobs {
  /** The ConfigMap holding the template. */
  configMap: RenderedObject;
  namespace: string;
  privileged: boolean;
  placement: PlacementTerms;
  podLabels: Readonly<Record<string, string>>;
  /** Required pod anti-affinity terms: topology key and the labels they select. */
  antiAffinity: { topologyKey: string; matchLabels: Record<string, string> }[];
  pullPolicy: readonly string[];
  allowedPullPolicies: readonly string[];
  automountToken: boolean;
}

/** The config.toml key the chart reads the template from. */
export const runnerTemplateKey = 'config.template.toml';

type Toml = Record<string, any>;

export function runnerJobs(objects: readonly RenderedObject[]): RunnerJobs[] {
  return objects.flatMap((object): RunnerJobs[] => {
    const text = object.kind === 'ConfigMap' ? object.value.data?.[runnerTemplateKey] : undefined;
    if (typeof text !== 'string') return [];
    const runners = ((parse(text) as Toml).runners ?? []) as Toml[];
    return runners.flatMap((runner) => {
      const k = runner.kubernetes as Toml | undefined;
      return k ? [jobsOf(object, k)] : [];
    });
  });
}

function jobsOf(configMap: RenderedObject, k: Toml): RunnerJobs {
  const privileged =
    k.privileged === true ||
    k.build_container_security_context?.privileged === true ||
    k.service_container_security_context?.privileged === true;
  const tolerations = Object.entries((k.node_tolerations ?? {}) as Record<string, string>).map(
    ([keyValue, effect]) => {
      const [key, value] = keyValue.split('=');
      return value === undefined
        ? { key, operator: 'Exists' as const, effect }
        : { key, operator: 'Equal' as const, value, effect };
    },
  );
  const terms = (k.affinity?.node_affinity?.required_during_scheduling_ignored_during_execution
    ?.node_selector_terms ?? []) as { match_expressions?: SelectorRequirement[] }[];
  const anti = (k.affinity?.pod_anti_affinity
    ?.required_during_scheduling_ignored_during_execution ?? []) as Toml[];
  return {
    configMap,
    namespace: String(k.namespace ?? configMap.namespace ?? 'default'),
    privileged,
    placement: {
      tolerations,
      nodeSelector: (k.node_selector ?? {}) as Record<string, string>,
      requiredTerms: terms.map((term) => term.match_expressions ?? []),
    },
    podLabels: (k.pod_labels ?? {}) as Record<string, string>,
    antiAffinity: anti.map((term) => ({
      topologyKey: String(term.topology_key ?? ''),
      matchLabels: (term.label_selector?.match_labels ?? {}) as Record<string, string>,
    })),
    pullPolicy: listOf(k.pull_policy),
    allowedPullPolicies: listOf(k.allowed_pull_policies),
    automountToken: k.automount_service_account_token !== false,
  };
}

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? [value] : [];
}
