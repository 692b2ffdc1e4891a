import { collectYamlFiles, type SourceFile } from './collect-yaml-files';
import { renderedPaths } from './rendered-paths';

/** The rendered files the capacity planner reads: all of rendered/, or one cluster's. */
export function renderedCapacityFiles(root: string, cluster?: string): SourceFile[] {
  return collectYamlFiles(root, renderedPaths(root, { cluster }));
}
