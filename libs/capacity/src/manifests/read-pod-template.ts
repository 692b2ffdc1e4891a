import type { Resources } from '../node/node-allocatable';
import { cpuMillis, memoryMiB } from '../quantity/quantity';
import type { PodPlacement, Toleration } from '../workload/scheduling-terms';
import { isObject, ManifestReader } from './manifest-reader';
import { readRequirement } from './read-node-pool';

const podSpec = 'spec.template.spec';

/**
 * A pod's effective requests, as the scheduler counts them: the sum of its containers, or the
 * largest init container if that is more (init containers run one at a time, before them). A
 * container without a request gets its limit as the request.
 */
export function podRequests(r: ManifestReader): Resources {
  const requestsOf = (kind: 'containers' | 'initContainers') =>
    r.arrayAt(`${podSpec}.${kind}`).map((container, i) => {
      const path = `${podSpec}.${kind}[${i}].resources`;
      // Kubernetes defaults a missing request to the limit.
      const requests = r.objectAt('resources.requests', container);
      const limits = r.objectAt('resources.limits', container);
      const read = (resource: 'cpu' | 'memory', convert: (q: string | number) => number) =>
        r.quantity(`${path}.requests.${resource}`, requests[resource], convert) ??
        r.quantity(`${path}.limits.${resource}`, limits[resource], convert) ??
        0;
      return { cpuMillis: read('cpu', cpuMillis), memoryMiB: read('memory', memoryMiB) };
    });
  const containers = requestsOf('containers');
  const inits = requestsOf('initContainers');
  const sum = (key: keyof Resources) => containers.reduce((total, c) => total + c[key], 0);
  const maxInit = (key: keyof Resources) => Math.max(0, ...inits.map((c) => c[key]));
  return {
    cpuMillis: Math.max(sum('cpuMillis'), maxInit('cpuMillis')),
    memoryMiB: Math.max(sum('memoryMiB'), maxInit('memoryMiB')),
  };
}

export function podPlacement(r: ManifestReader): PodPlacement {
  const selector = r.objectAt(`${podSpec}.nodeSelector`);
  const termsPath = `${podSpec}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
  return {
    tolerations: r.arrayAt(`${podSpec}.tolerations`).map((item, i): Toleration => {
      if (!isObject(item)) return r.fail(`${podSpec}.tolerations[${i}]`, 'expected an object');
      return {
        key: r.stringAt('key', item),
        operator: r.stringAt('operator', item) as Toleration['operator'],
        value: r.stringAt('value', item),
        effect: r.stringAt('effect', item),
      };
    }),
    nodeSelector: Object.fromEntries(Object.entries(selector).map(([k, v]) => [k, String(v)])),
    nodeAffinityTerms: r
      .arrayAt(termsPath)
      .map((term, i) =>
        r
          .arrayAt('matchExpressions', term)
          .map((item, j) => readRequirement(r, `${termsPath}[${i}].matchExpressions[${j}]`, item)),
      ),
  };
}

export function usesHostNetwork(r: ManifestReader): boolean {
  return r.at(`${podSpec}.hostNetwork`) === true;
}
