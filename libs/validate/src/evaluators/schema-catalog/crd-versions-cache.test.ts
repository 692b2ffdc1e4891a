import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CrdVersionSchema } from '../../checks/custom-resources/crd-versions';
import { DigestDirectory } from '../caches/digest-directory';
import { CrdVersionsCache } from './crd-versions-cache';

const scratch = mkdtempSync(join(tmpdir(), 'crd-versions-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const version = (key: string): CrdVersionSchema => ({
  key,
  openApi: { type: 'object', properties: { spec: { type: 'object' } } },
  source: 'crd.yaml',
});

describe('the cache of CRD versions read from files', () => {
  it('reads a file once, then answers from the cache while its content is unchanged', () => {
    const cache = new CrdVersionsCache(new DigestDirectory(join(scratch, 'once'), '.json'));
    const file = { path: 'rendered/crd.yaml', content: 'kind: CustomResourceDefinition\n' };
    let reads = 0;
    const read = () => ((reads += 1), [version('example.com/v1/Widget')]);
    const first = cache.versions(file, read);
    expect(cache.versions({ ...file }, read)).toEqual(first);
    expect(reads).toBe(1);
    cache.versions({ ...file, content: `${file.content}# changed\n` }, read);
    expect(reads).toBe(2);
    expect(readdirSync(join(scratch, 'once'))).toHaveLength(2);
  });

  it('keys a stamped file by its stamp: a hit never reads its content', () => {
    const cache = new CrdVersionsCache(new DigestDirectory(join(scratch, 'stamped'), '.json'));
    let contentReads = 0;
    const stamped = (stamp: string) => ({
      path: 'rendered/crd.yaml',
      stamp,
      get content() {
        contentReads += 1;
        return 'kind: CustomResourceDefinition\n';
      },
    });
    let reads = 0;
    const read = (file: { content: string }) => () => (
      (reads += 1),
      void file.content,
      [version('example.com/v1/Widget')]
    );
    const first = stamped('100:1700000000000');
    cache.versions(first, read(first));
    const again = stamped('100:1700000000000');
    cache.versions(again, read(again));
    expect([reads, contentReads]).toEqual([1, 1]);
    // A new modification time is a new entry, read again.
    const touched = stamped('100:1700000000001');
    cache.versions(touched, read(touched));
    expect([reads, contentReads]).toEqual([2, 2]);
  });

  it('removes entries written more than a week ago when it writes a new one', () => {
    const directory = join(scratch, 'pruned');
    const cache = new CrdVersionsCache(new DigestDirectory(directory, '.json'));
    const read = () => [version('example.com/v1/Widget')];
    cache.versions({ path: 'crd.yaml', content: 'a', stamp: '1:1' }, read);
    const [old] = readdirSync(directory);
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    utimesSync(join(directory, old!), eightDaysAgo, eightDaysAgo);
    cache.versions({ path: 'crd.yaml', content: 'a', stamp: '1:2' }, read);
    expect(readdirSync(directory)).toHaveLength(1);
    expect(readdirSync(directory)).not.toContain(old);
  });

  it('reads the file every time when the cache cannot be written', () => {
    const blocked = join(scratch, 'a-file');
    writeFileSync(blocked, '');
    const cache = new CrdVersionsCache(new DigestDirectory(join(blocked, 'cache'), '.json'));
    let reads = 0;
    const read = () => ((reads += 1), [version('example.com/v1/Widget')]);
    const file = { path: 'crd.yaml', content: 'x' };
    expect(cache.versions(file, read)).toEqual(cache.versions(file, read));
    expect(reads).toBe(2);
  });
});
