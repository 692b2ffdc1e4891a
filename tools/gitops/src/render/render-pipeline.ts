import { inventory as shippedInventory, type Inventory } from '@platform/config';
import { formatFinding, type Finding } from '@platform/manifests';
import {
  renderScope,
  type ChartInflater,
  type ComponentSpec,
  type RenderedFile,
  type RenderScope,
  type ScopedRender,
} from '@platform/core';
import { loadCatalog } from '../workspace/load-catalog';
import { helmChartInflater } from './helm-chart-inflater';
import { vendoredManifests } from './vendored-manifests';
import { existingTargets } from './rendered-tree';
import { writeRenderedTree } from './write-rendered-tree';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { renderedRoot } from '@platform/config';
import { collectYamlFiles } from '../workspace/collect-yaml-files';

/** A check over the in-memory render, run before anything touches rendered/; any error aborts the write. */
export type RenderCheck = (files: RenderedFile[]) => Promise<Finding[]> | Finding[];

/** A finding as printed by render and check: the location, then the rule that found it. */
export function formatCheckFinding(finding: Finding): string {
  return `${formatFinding(finding)}  [${finding.rule}]`;
}

export interface RenderPipelineOptions {
  root: string;
  scope?: RenderScope;
  /** Default to the components under apps/, the shipped inventory and the pinned Helm; tests inject their own. */
  catalog?: ComponentSpec[];
  inventory?: Inventory;
  inflate?: ChartInflater;
  checks?: RenderCheck[];
}

export class RenderAborted extends Error {
  constructor(readonly findings: Finding[]) {
    super(
      `render aborted, rendered/ left unchanged:\n${findings.map((f) => `  ${formatCheckFinding(f)}`).join('\n')}`,
    );
    this.name = 'RenderAborted';
  }
}

/** Renders in memory and runs every check; writes nothing. */
export async function renderInMemory(
  options: RenderPipelineOptions,
): Promise<{ render: ScopedRender; warnings: Finding[] }> {
  const inventory = options.inventory ?? shippedInventory;
  const catalog = options.catalog ?? (await loadCatalog(options.root, inventory));
  const render = await renderScope(
    catalog,
    inventory,
    options.scope ?? {},
    existingTargets(options.root),
    options.inflate ?? helmChartInflater(options.root),
    vendoredManifests(options.root),
    // The AppProjects list the kinds of every app; apps outside the scope count as committed.
    () => committedRenderedFiles(options.root),
  );
  return { render, warnings: await runRenderChecks(render.files, options.checks ?? []) };
}

/** Runs every check over rendered files: throws RenderAborted on any error, returns the warnings. */
export async function runRenderChecks(
  files: RenderedFile[],
  checks: RenderCheck[],
): Promise<Finding[]> {
  const problems: Finding[] = [];
  for (const check of checks) problems.push(...(await check(files)));
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new RenderAborted(errors);
  return problems.filter((p) => p.severity === 'warning');
}

/** Render, check, then swap the new tree into rendered/; on any failure rendered/ is untouched. */
export async function renderToDisk(options: RenderPipelineOptions) {
  const result = await renderInMemory(options);
  writeRenderedTree(options.root, result.render);
  return result;
}

/** The files rendered/ holds now (none before the first render). */
function committedRenderedFiles(root: string): RenderedFile[] {
  const directory = join(root, renderedRoot);
  return existsSync(directory) ? collectYamlFiles(root, [directory]) : [];
}
