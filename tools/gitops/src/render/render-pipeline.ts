import { inventory as shippedInventory, type Inventory } from '@platform/config';
import {
  renderScope,
  type AppDefinition,
  type RenderedFile,
  type RenderScope,
  type ScopedRender,
} from '@platform/core';
import { loadApps } from '../workspace/discover-apps';
import { existingTargets } from './rendered-tree';
import { writeRenderedTree } from './write-rendered-tree';

/** A problem a check found in rendered files; any error aborts the write. */
export interface CheckProblem {
  /** `file:line:col  kind/namespace/name  field  message`, ready to print. */
  text: string;
  severity: 'error' | 'warning';
}

/** A check over the in-memory render, run before anything touches rendered/. */
export type RenderCheck = (files: RenderedFile[]) => Promise<CheckProblem[]> | CheckProblem[];

export interface RenderPipelineOptions {
  root: string;
  scope?: RenderScope;
  /** Defaults to the apps under apps/ and the shipped inventory; tests inject their own. */
  apps?: AppDefinition[];
  inventory?: Inventory;
  checks?: RenderCheck[];
}

export class RenderAborted extends Error {
  constructor(readonly problems: CheckProblem[]) {
    super(
      `render aborted, rendered/ left unchanged:\n${problems.map((p) => `  ${p.text}`).join('\n')}`,
    );
    this.name = 'RenderAborted';
  }
}

/** Renders in memory and runs every check; writes nothing. */
export async function renderInMemory(
  options: RenderPipelineOptions,
): Promise<{ render: ScopedRender; warnings: CheckProblem[] }> {
  const apps = options.apps ?? (await loadApps(options.root));
  const render = renderScope(
    apps,
    options.inventory ?? shippedInventory,
    options.scope ?? {},
    existingTargets(options.root),
  );
  const problems: CheckProblem[] = [];
  for (const check of options.checks ?? []) problems.push(...(await check(render.files)));
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new RenderAborted(errors);
  return { render, warnings: problems.filter((p) => p.severity === 'warning') };
}

/** Render, check, then swap the new tree into rendered/; on any failure rendered/ is untouched. */
export async function renderToDisk(options: RenderPipelineOptions) {
  const result = await renderInMemory(options);
  writeRenderedTree(options.root, result.render);
  return result;
}
