import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../workspace/repository-root';
import { satisfiesNodeRange } from './node-version-range';

/**
 * What the README says that a file in this repository can prove: the paths it names exist, it
 * never points at files a clone does not have, and the packages it says warn on install are the
 * ones the lockfile declares. (Its command table is compared with the help in the bad-input
 * contract test; its component example is rendered as written by `npm run test:clone`.)
 */
const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');

describe('the README', () => {
  it('never points at ../shared, which a clone of this repository does not have', () => {
    expect(readme).not.toContain('../shared');
  });

  it('names only repository paths that exist (apart from the example it asks you to create)', () => {
    const example = /`(apps\/[^`]+)\/component\.ts`/.exec(
      readme.slice(readme.indexOf('## How to add a component')),
    )![1]!;
    const named = [
      ...readme.matchAll(/`((?:apps|libs|tools|docs|vendor|rendered|\.ci)\/[^`\s]*)`/g),
      ...readme.matchAll(/\]\(((?:apps|libs|tools|docs|vendor)\/[^)\s]*)\)/g),
    ]
      .map((match) => match[1]!)
      .filter((path) => !/[<*…{]/.test(path) && !path.startsWith(example));
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((path) => !existsSync(join(repositoryRoot, path)))).toEqual([]);
  });

  it('lists exactly the packages whose engines.node excludes the Node version package.json allows', () => {
    const root = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    const minimum = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(root.engines.node)![1]!;
    const lock = JSON.parse(readFileSync(join(repositoryRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } }>;
    };
    const warned = Object.entries(lock.packages)
      .filter(([path, entry]) => path && entry.engines?.node)
      .filter(([, entry]) => !satisfiesNodeRange(minimum, entry.engines!.node!))
      .map(([path]) => path.replace(/^.*node_modules\//, ''))
      .sort();
    const paragraph = readme.slice(readme.indexOf('`npm ci` warns `EBADENGINE`'));
    const listed = [
      ...paragraph.slice(0, paragraph.indexOf('which declare')).matchAll(/`([^`]+)`/g),
    ]
      .map((match) => match[1]!)
      .filter((name) => name !== 'npm ci' && name !== 'EBADENGINE')
      .sort();
    expect(listed).toEqual(warned);
  });

  it('shows the capacity report and picture that render keeps current, not a copy of their figures', () => {
    expect(readme).toContain('[`docs/capacity-report.txt`](docs/capacity-report.txt)');
    expect(readme).toContain('(docs/capacity.svg)');
    const report = readFileSync(join(repositoryRoot, 'docs/capacity-report.txt'), 'utf8');
    // No line of the report (its figures) is copied into the README, where nothing would update it.
    const figures = report.split('\n').filter((line) => /\d{2,}/.test(line));
    expect(figures.length).toBeGreaterThan(3);
    expect(figures.filter((line) => readme.includes(line.trim()))).toEqual([]);
  });
});

describe('satisfiesNodeRange', () => {
  it('reads the range forms packages declare, as npm does', () => {
    const cases: [string, string, boolean][] = [
      ['20.19.0', '>=20.19', true],
      ['20.19.0', '>=22', false],
      ['20.19.0', '>= 8', true],
      ['20.19.0', '^18.18.0 || ^20.9.0 || >=21.1.0', true],
      ['20.19.0', '^20.19.0 || ^22.13.0 || >=23.5.0', true],
      ['20.19.0', '^18.0.0 || >=22', false],
      ['20.19.0', '20 || >=22', true],
      ['20.19.0', '18 || >=22', false],
      ['20.19.0', '6.* || 8.* || >= 10.*', true],
      ['20.19.0', '>=16 || 14 >=14.17', true],
      ['14.16.0', '>=16 || 14 >=14.17', false],
      ['20.19.0', '*', true],
      ['20.19.0', '~20.18.0', false],
      ['20.19.0', '<20', false],
    ];
    for (const [version, range, expected] of cases)
      expect([range, satisfiesNodeRange(version, range)]).toEqual([range, expected]);
    expect(() => satisfiesNodeRange('20.0.0', 'latest')).toThrow(/cannot read "latest"/);
  });
});
