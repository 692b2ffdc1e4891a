import type { NodeTaint } from '@platform/config';
import type { NodePoolSettings } from '../peak/node-pool-settings';
import { cpuMillis, memoryMiB } from '../quantity/quantity';
import type { NodeSelectorRequirement } from '../workload/scheduling-terms';
import { isObject, ManifestReader, type JsonObject } from './manifest-reader';

const operators = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt', 'Gte', 'Lte']);
const effects = new Set(['NoSchedule', 'NoExecute', 'PreferNoSchedule']);

/** A karpenter.sh/v1 NodePool, as the planner needs it. */
export function readNodePool(file: string, object: JsonObject): NodePoolSettings {
  const r = new ManifestReader(file, object);
  const spec = 'spec.template.spec';
  const nodeClassName =
    r.stringAt(`${spec}.nodeClassRef.name`) ?? r.fail(`${spec}.nodeClassRef.name`, 'missing');
  const labels = r.objectAt('spec.template.metadata.labels');
  const limits = r.objectAt('spec.limits');
  return {
    name: r.name,
    file,
    nodeClassName,
    requirements: r
      .arrayAt(`${spec}.requirements`)
      .map((item, i) => readRequirement(r, `${spec}.requirements[${i}]`, item)),
    taints: r
      .arrayAt(`${spec}.taints`)
      .map((item, i) => readTaint(r, `${spec}.taints[${i}]`, item)),
    labels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)])),
    limits: {
      cpuMillis: r.quantity('spec.limits.cpu', limits.cpu, cpuMillis),
      memoryMiB: r.quantity('spec.limits.memory', limits.memory, memoryMiB),
    },
  };
}

export function readRequirement(
  r: ManifestReader,
  path: string,
  item: unknown,
): NodeSelectorRequirement {
  if (!isObject(item)) return r.fail(path, 'expected an object');
  const key = r.stringAt('key', item);
  const operator = r.stringAt('operator', item);
  if (!key) return r.fail(`${path}.key`, 'missing');
  if (!operator || !operators.has(operator)) {
    return r.fail(`${path}.operator`, `"${operator}" is not one of ${[...operators].join(', ')}`);
  }
  const values = r.arrayAt('values', item).map(String);
  return { key, operator: operator as NodeSelectorRequirement['operator'], values };
}

function readTaint(r: ManifestReader, path: string, item: unknown): NodeTaint {
  if (!isObject(item)) return r.fail(path, 'expected an object');
  const effect = r.stringAt('effect', item);
  if (!effect || !effects.has(effect))
    return r.fail(`${path}.effect`, `"${effect}" is not a taint effect`);
  return {
    key: r.stringAt('key', item) ?? r.fail(`${path}.key`, 'missing'),
    value: r.stringAt('value', item) ?? '',
    effect: effect as NodeTaint['effect'],
  };
}
