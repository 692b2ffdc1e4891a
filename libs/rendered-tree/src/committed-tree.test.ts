import { describe, expect, it } from 'vitest';
import { committedFiles, committedObjects, findObject } from './committed-tree';

const fixture = 'libs/rendered-tree/src/fixtures/tree';

describe('the committed tree', () => {
  it('lists files recursively, sorted, with repository-relative paths', () => {
    expect(committedFiles(fixture).map((file) => file.path)).toEqual([
      `${fixture}/app/component/configmaps.yaml`,
      `${fixture}/app/component/namespace.yaml`,
      `${fixture}/app/component/values.yaml`,
    ]);
  });

  it('gives no files for a folder that does not exist, so a test can skip', () => {
    expect(committedFiles(`${fixture}/nosuch`)).toEqual([]);
  });

  it('reads every document of a file as an object with its file, leaving Helm values out', () => {
    const objects = committedObjects(fixture);
    expect(objects.map((o) => [o.kind, o.metadata.name, o.file.split('/').at(-1)])).toEqual([
      ['ConfigMap', 'first', 'configmaps.yaml'],
      ['ConfigMap', 'second', 'configmaps.yaml'],
      ['Namespace', 'team', 'namespace.yaml'],
    ]);
  });

  it('refuses a folder that does not exist: a test over nothing would pass for the wrong reason', () => {
    expect(() => committedObjects(`${fixture}/nosuch`)).toThrow(/does not exist: run/);
  });

  it('finds one object by kind and name, or names the files it searched', () => {
    const objects = committedObjects(fixture);
    expect(findObject(objects, 'Namespace', 'team').file).toBe(
      `${fixture}/app/component/namespace.yaml`,
    );
    expect(() => findObject(objects, 'Namespace', 'other')).toThrow(
      /no Namespace\/other among .*configmaps\.yaml/,
    );
  });
});
