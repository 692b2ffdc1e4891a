import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderedCrdFiles } from './rendered-crd-files';

const root = mkdtempSync(join(tmpdir(), 'rendered-crd-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): string {
  const absolute = join(root, path);
  mkdirSync(join(absolute, '..'), { recursive: true });
  writeFileSync(absolute, text);
  return absolute;
}

describe('the committed CRD files under rendered/', () => {
  it('are the customresourcedefinition-* files, sorted, each stamped and read when asked', () => {
    write('rendered/ci/b/controller/customresourcedefinition-b.yaml', 'kind: B\n');
    const a = write('rendered/ci/a/controller/customresourcedefinition-a.yaml', 'kind: A\n');
    write('rendered/ci/a/controller/deployment-a.yaml', 'kind: Deployment\n');
    const files = renderedCrdFiles(root);
    expect(files.map((file) => file.path)).toEqual([
      'rendered/ci/a/controller/customresourcedefinition-a.yaml',
      'rendered/ci/b/controller/customresourcedefinition-b.yaml',
    ]);
    expect(files[0]!.content).toBe('kind: A\n');
    // The stamp changes with the file's time, so a cache keyed by it sees the edit.
    const stamp = files[0]!.stamp;
    utimesSync(a, new Date(), new Date(Date.now() + 5_000));
    expect(renderedCrdFiles(root)[0]!.stamp).not.toBe(stamp);
  });

  it('are none without rendered/', () => {
    expect(renderedCrdFiles(join(root, 'nowhere'))).toEqual([]);
  });
});
