import { parse } from 'yaml';
import type { GroupKind, RenderedKinds } from '../component/component-definition';
import { helmValuesFileName, type RenderedFile } from './rendered-file';
import { clusterScopedKinds } from './resource-scope';

/** The directory of a rendered file: `rendered/<cluster>/<app>/<component>`. */
export function componentDirectoryOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/**
 * The kinds of the objects in rendered files (one object per file, as the engine writes them),
 * grouped by component directory. Helm values files carry no object and are skipped.
 */
export function renderedKindsByDirectory(
  files: readonly RenderedFile[],
): Map<string, RenderedKinds> {
  const byDirectory = new Map<string, Map<string, GroupKind & { clusterScoped: boolean }>>();
  for (const file of files) {
    if (!file.path.endsWith('.yaml') || file.path.endsWith(`/${helmValuesFileName}`)) continue;
    const object = parse(file.content) as { apiVersion?: unknown; kind?: unknown } | null;
    if (typeof object?.apiVersion !== 'string' || typeof object.kind !== 'string') continue;
    const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0]! : '';
    const directory = componentDirectoryOf(file.path);
    const kinds = byDirectory.get(directory) ?? new Map();
    kinds.set(`${group}/${object.kind}`, {
      group,
      kind: object.kind,
      clusterScoped: clusterScopedKinds.has(object.kind),
    });
    byDirectory.set(directory, kinds);
  }
  return new Map(
    [...byDirectory.entries()].map(([directory, kinds]) => {
      const sorted = [...kinds.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const pick = (clusterScoped: boolean) =>
        sorted
          .filter(([, k]) => k.clusterScoped === clusterScoped)
          .map(([, { group, kind }]) => ({ group, kind }));
      return [directory, { clusterScoped: pick(true), namespaced: pick(false) }];
    }),
  );
}
