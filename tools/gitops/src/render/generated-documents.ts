import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { capacitySvg, formatCapacityReport, planRenderedCapacity } from '@platform/capacity';
import { renderedRoot } from '@platform/config';
import type { SourceFile } from '../workspace/collect-yaml-files';
import { renderedCapacityFiles } from '../workspace/rendered-capacity-files';

/** A file under docs/ made from rendered/: written by `gitops render`, verified by `gitops check`. */
export interface GeneratedDocument {
  path: string;
  content: string;
}

/** The cluster whose capacity plan the README shows (as docs/capacity.svg). */
export const documentedCapacityCluster = 'ci';

/**
 * Every document generated from the rendered files: the capacity plan of the documented cluster
 * as a report and as the README's picture. None when that cluster has no NodePools.
 */
export function generatedDocuments(files: readonly SourceFile[]): GeneratedDocument[] {
  const [plan] = planRenderedCapacity(files, documentedCapacityCluster);
  if (!plan) return [];
  return [
    { path: 'docs/capacity-report.txt', content: formatCapacityReport(plan) },
    { path: 'docs/capacity.svg', content: capacitySvg(plan) },
  ];
}

/** Whether a render of these `rendered/<cluster>/…` directories can change the documents. */
export function rendersDocumentedInputs(directories: readonly string[]): boolean {
  return directories.some((d) => d.startsWith(`${renderedRoot}/${documentedCapacityCluster}/`));
}

/**
 * Regenerates the documents from rendered/ as it is on disk (after a render wrote it): only
 * those whose bytes differ are written, each to a temporary file first and renamed into place.
 * Returns the paths written.
 */
export function writeGeneratedDocuments(root: string): string[] {
  const files = renderedCapacityFiles(root, documentedCapacityCluster);
  return staleDocuments(root, generatedDocuments(files)).map((document) => {
    const target = join(root, document.path);
    mkdirSync(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, document.content);
    renameSync(temporary, target);
    return document.path;
  });
}

/** The documents whose file is missing or holds other bytes. */
export function staleDocuments(
  root: string,
  documents: readonly GeneratedDocument[],
): GeneratedDocument[] {
  return documents.filter((document) => {
    const path = join(root, document.path);
    return !existsSync(path) || readFileSync(path, 'utf8') !== document.content;
  });
}
