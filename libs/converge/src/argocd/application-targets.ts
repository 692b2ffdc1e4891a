import { groupOf, kindOf, nameOf, namespaceOf, type KubeObject } from '../kube/kube-object';
import type { RenderedObject } from '../input/rendered-objects';
import { globMatch } from './app-project-permissions';

/** The sources of an Application (`spec.sources`, or `spec.source`). */
export function sourcesOf(application: KubeObject): any[] {
  const spec = application.spec ?? {};
  return spec.sources ?? (spec.source ? [spec.source] : []);
}

/**
 * What an Application's directory sources generate (reposerver, directory sources): the YAML and
 * JSON files directly in `path` (subdirectories only with `directory.recurse`), minus
 * `directory.exclude`, restricted to `directory.include` when set (both globs, `{a,b}` lists).
 */
export function applicationTargets(
  application: KubeObject,
  objectsByDirectory: ReadonlyMap<string, RenderedObject[]>,
): RenderedObject[] {
  const targets: RenderedObject[] = [];
  for (const source of sourcesOf(application)) {
    if (typeof source.path !== 'string') continue;
    const path = source.path.replace(/\/+$/, '');
    const directory = source.directory ?? {};
    const candidates = directory.recurse
      ? [...objectsByDirectory]
          .filter(([d]) => d === path || d.startsWith(`${path}/`))
          .flatMap(([, o]) => o)
      : (objectsByDirectory.get(path) ?? []);
    targets.push(
      ...candidates.filter(
        (o) =>
          !matchesPattern(directory.exclude, o.fileName) &&
          (!directory.include || matchesPattern(directory.include, o.fileName)),
      ),
    );
  }
  return targets;
}

function matchesPattern(pattern: string | undefined, fileName: string): boolean {
  if (!pattern) return false;
  const alternatives =
    pattern.startsWith('{') && pattern.endsWith('}') ? pattern.slice(1, -1).split(',') : [pattern];
  return alternatives.some((p) => globMatch(p.trim(), fileName));
}

/** `group/Kind/name` of a target, the part of its identity that does not depend on scope. */
export const targetLookupKey = (object: KubeObject): string =>
  `${groupOf(object.apiVersion)}/${kindOf(object)}/${nameOf(object)}`;

/** Finds the rendered object a (possibly namespace-defaulted) target came from. */
export function renderedSourceOf(
  targets: readonly RenderedObject[],
  object: KubeObject,
): RenderedObject | undefined {
  const key = targetLookupKey(object);
  return targets.find(
    (t) =>
      targetLookupKey(t.object) === key &&
      (namespaceOf(t.object) === '' || namespaceOf(t.object) === namespaceOf(object)),
  );
}
