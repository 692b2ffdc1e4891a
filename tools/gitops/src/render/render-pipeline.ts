import { inventory as shippedInventory, type Inventory } from '@platform/config';
import { formatFinding, type Finding } from '@platform/manifests';
import {
  renderScope,
  targetDirectory,
  type ChartInflater,
  type ComponentSpec,
  type RenderedFile,
  type RenderScope,
  type ScopedRender,
} from '@platform/core';
import { loadCatalog } from '../workspace/load-catalog';
import { withValuesSource } from './chart-values-source';
import { helmChartInflater } from './helm-chart-inflater';
import { vendoredManifests } from './vendored-manifests';
import { rendersDocumentedInputs, writeGeneratedDocuments } from './generated-documents';
import { readRenderMemo, renderMemoKey, writeRenderMemo } from './render-memo';
import { existingTargets } from './rendered-tree';
import { acquireRenderLock, type RenderLockOptions } from './render-lock';
import { finishInterruptedRenders, writeRenderedTree } from './write-rendered-tree';
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
  const render = await remembered(options, async () => {
    const inventory = options.inventory ?? shippedInventory;
    const catalog = options.catalog ?? (await loadCatalog(options.root, inventory));
    return renderScope(
      catalog,
      inventory,
      options.scope ?? {},
      existingTargets(options.root),
      options.inflate ?? helmChartInflater(options.root),
      vendoredManifests(options.root),
      // The AppProjects list the kinds of every app; apps outside the scope count as committed.
      () => committedRenderedFiles(options.root),
    );
  });
  return {
    render,
    warnings: await runRenderChecks(render.files, options.checks ?? [], options.root),
  };
}

/**
 * The render of the repository's own components, inventory and Helm from the render memo when
 * the same inputs were rendered before (render-memo.ts), else made and remembered. A render with
 * an injected catalog, inventory or inflater (tests) is always made.
 */
async function remembered(
  options: RenderPipelineOptions,
  render: () => Promise<ScopedRender>,
): Promise<ScopedRender> {
  const scope = options.scope ?? {};
  // A render of one app or cluster also reads the committed files of the others (the AppProjects
  // list every app's kinds): only a render of everything is a function of the key alone.
  const whole = !scope.app && !scope.cluster;
  if (options.catalog || options.inventory || options.inflate || !whole) return render();
  const known = await renderMemoKey(options.root, scope);
  const memo = known && readRenderMemo(options.root, known);
  if (memo) return memo;
  const made = await render();
  // The component bundle is built by now, so the key can be known even if it could not before.
  const key = known ?? (await renderMemoKey(options.root, scope));
  if (key) writeRenderMemo(options.root, key, made);
  return made;
}

/**
 * Runs every check over rendered files: throws RenderAborted on any error (a finding in a chart's
 * values.yaml also naming the component file that sets it), returns the warnings.
 */
export async function runRenderChecks(
  files: RenderedFile[],
  checks: RenderCheck[],
  root: string,
): Promise<Finding[]> {
  const problems: Finding[] = [];
  for (const check of checks) problems.push(...(await check(files)));
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new RenderAborted(withValuesSource(root, errors));
  return problems.filter((p) => p.severity === 'warning');
}

/**
 * Render, check, then swap the new tree into rendered/; on any failure rendered/ is untouched.
 * The write phase holds the render lock (a second render waits for it, `onWait` says so), first
 * finishes what a killed render left, and regenerates the documents made from rendered/
 * (docs/capacity.svg, …) when it changed; `documents` lists those written.
 */
export async function renderToDisk(options: RenderPipelineOptions & RenderLockOptions) {
  const result = await renderInMemory(options);
  const release = await acquireRenderLock(options.root, options);
  try {
    const finished = finishInterruptedRenders(options.root);
    const wholeTree = !options.scope?.app && !options.scope?.cluster;
    writeRenderedTree(options.root, result.render, { wholeTree });
    const documents = rendersDocumentedInputs(result.render.targets.map(targetDirectory))
      ? writeGeneratedDocuments(options.root)
      : [];
    return { ...result, documents, finished };
  } finally {
    release();
  }
}

/** The files rendered/ holds now (none before the first render). */
function committedRenderedFiles(root: string): RenderedFile[] {
  const directory = join(root, renderedRoot);
  return existsSync(directory) ? collectYamlFiles(root, [directory]) : [];
}
