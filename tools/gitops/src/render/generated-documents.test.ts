import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capacitySvg, formatCapacityReport, planRenderedCapacity } from '@platform/capacity';
import { afterEach, describe, expect, it } from 'vitest';
import { docsSection } from '../check/sections/docs-section';
import { renderedCapacityFiles } from '../workspace/rendered-capacity-files';
import { repositoryRoot } from '../workspace/repository-root';
import {
  documentedCapacityCluster,
  generatedDocuments,
  rendersDocumentedInputs,
  writeGeneratedDocuments,
} from './generated-documents';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A workspace holding the committed rendered/ of the documented cluster, and no docs/. */
function workspaceWithRenderedCluster(): string {
  const workspace = mkdtempSync(join(tmpdir(), 'generated-documents-'));
  root = workspace;
  const cluster = join('rendered', documentedCapacityCluster);
  cpSync(join(repositoryRoot, cluster), join(workspace, cluster), { recursive: true });
  return workspace;
}

describe('the documents generated from rendered/', () => {
  it('are the capacity report and picture of the plan of what is rendered', () => {
    const files = renderedCapacityFiles(repositoryRoot, documentedCapacityCluster);
    const [plan] = planRenderedCapacity(files, documentedCapacityCluster);
    expect(generatedDocuments(files)).toEqual([
      { path: 'docs/capacity-report.txt', content: formatCapacityReport(plan!) },
      { path: 'docs/capacity.svg', content: capacitySvg(plan!) },
    ]);
  });

  it('are written after a render of the documented cluster, and only then', () => {
    expect(rendersDocumentedInputs([`rendered/${documentedCapacityCluster}/karpenter`])).toBe(true);
    expect(rendersDocumentedInputs(['rendered/mgmt/argocd-root'])).toBe(false);
    const workspace = workspaceWithRenderedCluster();
    expect(writeGeneratedDocuments(workspace).sort()).toEqual([
      'docs/capacity-report.txt',
      'docs/capacity.svg',
    ]);
    // Written once: a second render with the same rendered/ touches nothing.
    expect(writeGeneratedDocuments(workspace)).toEqual([]);
    const files = renderedCapacityFiles(workspace, documentedCapacityCluster);
    for (const document of generatedDocuments(files))
      expect(readFileSync(join(workspace, document.path), 'utf8')).toBe(document.content);
  });

  it('fail gitops check when stale, naming the file and the command that regenerates it', async () => {
    const workspace = workspaceWithRenderedCluster();
    writeGeneratedDocuments(workspace);
    const files = renderedCapacityFiles(workspace, documentedCapacityCluster);
    expect((await docsSection({ root: workspace, files, freshRender: unused })).failed).toBe(false);
    writeFileSync(join(workspace, 'docs/capacity.svg'), '<svg/>\n');
    const outcome = await docsSection({ root: workspace, files, freshRender: unused });
    expect(outcome.failed).toBe(true);
    expect(outcome.json).toEqual({ stale: ['docs/capacity.svg'] });
    expect(outcome.lines).toContain(
      'docs/capacity.svg  differs from what rendered/ generates  [docs]',
    );
    expect(outcome.lines.at(-1)).toContain('run `npx gitops render`');
  });
});

const unused = () => Promise.reject(new Error('the docs section does not render'));
