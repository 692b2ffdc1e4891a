import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listYamlFiles } from './collect-yaml-files';

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'collect-yaml-'));
  mkdirSync(join(root, 'rendered/b/deep'), { recursive: true });
  mkdirSync(join(root, 'elsewhere'));
  writeFileSync(join(root, 'rendered/b/deep/z.yaml'), 'a: 1\n');
  writeFileSync(join(root, 'rendered/a.yml'), 'a: 1\n');
  writeFileSync(join(root, 'rendered/b/c.json'), '{}\n');
  writeFileSync(join(root, 'rendered/b/notes.md'), '# no\n');
  writeFileSync(join(root, 'elsewhere/linked.yaml'), 'a: 1\n');
  symlinkSync(join(root, 'elsewhere'), join(root, 'rendered/linked-dir'));
  symlinkSync(join(root, 'elsewhere/linked.yaml'), join(root, 'rendered/link.yaml'));
  return root;
}

describe('listing the YAML files under paths', () => {
  it('finds YAML and JSON files at any depth, follows symbolic links, sorted by displayed path', () => {
    const root = tree();
    expect(listYamlFiles(root, [join(root, 'rendered')]).map((f) => f.path)).toEqual([
      'rendered/a.yml',
      'rendered/b/c.json',
      'rendered/b/deep/z.yaml',
      'rendered/link.yaml',
      'rendered/linked-dir/linked.yaml',
    ]);
  });

  it('shows paths relative to the root when listing the root itself, absolute outside it', () => {
    const root = tree();
    expect(listYamlFiles(root, [root]).map((f) => f.path)).toContain('rendered/b/deep/z.yaml');
    const inside = join(root, 'rendered/b');
    expect(listYamlFiles(join(root, 'elsewhere'), [inside]).map((f) => f.path)).toEqual([
      `${inside}/c.json`,
      `${inside}/deep/z.yaml`,
    ]);
  });

  it('accepts a single file and names a missing path', () => {
    const root = tree();
    expect(listYamlFiles(root, [join(root, 'rendered/a.yml')])).toEqual([
      { path: 'rendered/a.yml', absolute: join(root, 'rendered/a.yml') },
    ]);
    expect(() => listYamlFiles(root, ['no/such/dir'])).toThrow(
      'no/such/dir: no such file or directory',
    );
  });
});
