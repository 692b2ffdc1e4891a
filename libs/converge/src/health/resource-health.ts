import { load } from 'js-yaml';
import { groupOf, kindOf, type KubeObject } from '../kube/kube-object';
import { executeHealthLua } from '../lua/lua-health-vm';
import { builtInHealth } from './built-in-health';
import type { HealthStatus, ResourceHealth } from './health-status';

/** A Lua health script and whether it runs with every standard library. */
export interface HealthScript {
  script: string;
  openLibs: boolean;
}

/** `group/Kind` (just `Kind` for the core group): util/lua/lua.go, GetConfigMapKey. */
export function healthScriptKey(object: KubeObject): string {
  const group = groupOf(object.apiVersion);
  return group === '' ? kindOf(object) : `${group}/${kindOf(object)}`;
}

const healthPrefix = 'resource.customizations.health.';
const openLibsPrefix = 'resource.customizations.useOpenLibs.';

/**
 * The health customizations of an argocd-cm's data, by `group/Kind` (glob patterns allowed):
 * `resource.customizations.health.<group>_<Kind>` with `resource.customizations.useOpenLibs.<group>_<Kind>`,
 * and the older `resource.customizations` block (`health.lua`, `health.lua.useOpenLibs`), as
 * util/settings/settings.go reads them.
 */
export function healthCustomizations(
  data: Record<string, string> | undefined,
): Map<string, HealthScript> {
  const scripts = new Map<string, HealthScript>();
  const legacy = data?.['resource.customizations'];
  if (legacy) {
    for (const [key, value] of Object.entries((load(legacy) ?? {}) as Record<string, any>)) {
      if (typeof value?.['health.lua'] === 'string')
        scripts.set(key, {
          script: value['health.lua'],
          openLibs: value['health.lua.useOpenLibs'] === true,
        });
    }
  }
  for (const [key, script] of Object.entries(data ?? {})) {
    if (!key.startsWith(healthPrefix)) continue;
    const suffix = key.slice(healthPrefix.length);
    scripts.set(suffix.replace('_', '/'), {
      script,
      openLibs: data?.[`${openLibsPrefix}${suffix}`] === 'true',
    });
  }
  return scripts;
}

/** util/glob, Match as Argo CD uses it on override keys: `*` matches any run of characters. */
function globMatches(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  const expression = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${expression.join('.*')}$`).test(value);
}

/**
 * How Argo CD 3.5.1 assesses one object's health (gitops-engine pkg/health/health.go,
 * GetResourceHealth with util/lua/lua.go, ResourceHealthOverrides): an object being deleted is
 * Progressing; else the argocd-cm script for its `group/Kind` (exact key, then a wildcard key),
 * else the script Argo CD ships for it, each run in a Lua 5.1 interpreter; else the built-in Go
 * check; else no health at all. Results are memoised per script and object.
 */
export function resourceHealth(
  customizations: ReadonlyMap<string, HealthScript>,
  builtInScripts: ReadonlyMap<string, string>,
): ResourceHealth {
  // Per object and script, the last result with the status object and generation it was computed
  // from: a live object changes in place only by getting a new status (or generation), and the
  // model keeps the old status object when the new one is equal.
  type Known = { status: unknown; generation: unknown; result: HealthStatus };
  const memo = new WeakMap<KubeObject, Map<string, Known>>();
  const run = (object: KubeObject, { script, openLibs }: HealthScript) => {
    let byScript = memo.get(object);
    if (!byScript) memo.set(object, (byScript = new Map()));
    const key = `${openLibs}\u0000${script}`;
    const known = byScript.get(key);
    const generation = object.metadata?.generation;
    if (known && known.status === object.status && known.generation === generation)
      return known.result;
    const result = executeHealthLua(object, script, openLibs);
    byScript.set(key, { status: object.status, generation, result });
    return result;
  };
  const wildcards = [...customizations].filter(([key]) => key.includes('*'));
  return (object) => {
    if (
      object.metadata?.deletionTimestamp &&
      !(object.metadata.finalizers ?? []).includes('argocd.argoproj.io/hook-finalizer')
    )
      return { status: 'Progressing', message: 'Pending deletion' };
    const key = healthScriptKey(object);
    const custom =
      customizations.get(key) ?? wildcards.find(([pattern]) => globMatches(pattern, key))?.[1];
    if (custom?.script) return run(object, custom);
    const shipped = builtInScripts.get(key);
    if (shipped) return run(object, { script: shipped, openLibs: true });
    return builtInHealth(object);
  };
}
