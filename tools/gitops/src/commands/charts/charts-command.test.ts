import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveHelm } from '../../helm';
import { main } from '../../main';
import { karpenterPackageFixture, readVendorLock, temporaryVendorRoot } from '../../vendor';

let stdout = '';
let stderr = '';
beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const manifest = {
  kind: 'manifest' as const,
  name: 'argo-cd-ha-install',
  version: '3.5.1',
  path: 'vendor/argocd/argo-cd-v3.5.1-ha-install.yaml',
  bytes: 'kind: List\n',
};

describe('gitops charts verify', () => {
  let vendor: ReturnType<typeof temporaryVendorRoot>;
  beforeEach(() => (vendor = temporaryVendorRoot([karpenterPackageFixture(), manifest])));
  afterEach(() => vendor.dispose());

  it('passes when every vendored file is locked with its digest', async () => {
    expect(await main(['charts', 'verify'], vendor.root)).toBe(0);
    expect(stdout).toBe(
      'vendor/vendor.lock.json: every vendored file is locked and matches its sha256\n',
    );
  });

  it('flags a tampered copy and a package without a lock entry, exiting 1', async () => {
    appendFileSync(join(vendor.root, 'vendor/charts/karpenter-1.14.1.tgz'), 'x');
    writeFileSync(join(vendor.root, 'vendor/charts/karpenter-1.15.0.tgz'), 'stray');
    expect(await main(['charts', 'verify'], vendor.root)).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^vendor\/charts\/karpenter-1\.14\.1\.tgz {2}chart karpenter@1\.14\.1: sha256 is [0-9a-f]{64}, but vendor\/vendor\.lock\.json expects 6425429f28d635839540541cde9a8d000904bc483b2ab234e4cc7a2da5953088$/,
    );
    expect(lines.slice(1)).toEqual([
      'vendor/charts/karpenter-1.15.0.tgz  not listed in vendor/vendor.lock.json: lock it with `gitops charts pull`, or delete it',
      '2 problems in vendor/',
    ]);
  });

  it('flags a locked file that is missing', async () => {
    rmSync(join(vendor.root, manifest.path));
    expect(await main(['charts', 'verify', '--json'], vendor.root)).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      findings: [
        {
          file: manifest.path,
          message: 'manifest argo-cd-ha-install@3.5.1: locked, but the file is missing',
        },
      ],
    });
  });
});

describe('gitops charts verify reads each package', () => {
  it('flags a package locked under another version than its Chart.yaml says, and a file that is no chart', async () => {
    const relabelled = {
      ...karpenterPackageFixture(),
      version: '1.15.0',
      path: 'vendor/charts/karpenter-1.15.0.tgz',
    };
    const bogus = {
      kind: 'chart' as const,
      name: 'bogus',
      version: '1.0.0',
      path: 'vendor/charts/bogus-1.0.0.tgz',
      bytes: 'not gzip',
    };
    const vendor = temporaryVendorRoot([relabelled, bogus]);
    try {
      expect(await main(['charts', 'verify'], vendor.root)).toBe(1);
      expect(stdout.split('\n')).toEqual([
        expect.stringMatching(
          /^vendor\/charts\/bogus-1\.0\.0\.tgz {2}chart bogus@1\.0\.0: not a readable chart package: /,
        ),
        "vendor/charts/karpenter-1.15.0.tgz  chart karpenter@1.15.0: the package's Chart.yaml says karpenter@1.14.1",
        '2 problems in vendor/',
        '',
      ]);
    } finally {
      vendor.dispose();
    }
  });
});

describe('gitops charts usage', () => {
  it('exits 2 for a missing subcommand, missing arguments, a missing --repository or a bad --date', async () => {
    expect(await main(['charts'], '/nonexistent')).toBe(2);
    expect(await main(['charts', 'pull', 'karpenter'], '/nonexistent')).toBe(2);
    expect(await main(['charts', 'pull', 'karpenter', '1.14.1'], '/nonexistent')).toBe(2);
    expect(stderr).toContain('gitops charts pull: --repository URL is required');
    expect(
      await main(
        ['charts', 'pull', 'karpenter', '1.14.1', '--repository', 'https://x', '--date', 'today'],
        '/nonexistent',
      ),
    ).toBe(2);
    expect(stderr).toContain('--date must be YYYY-MM-DD (got "today")');
  });
});

describe.skipIf(process.platform !== 'linux' || process.arch !== 'x64')(
  'gitops charts pull from a Helm repository served on 127.0.0.1',
  () => {
    const published = mkdtempSync(join(tmpdir(), 'gitops-chart-repo-'));
    const packageBytes = karpenterPackageFixture().bytes;
    const digest = createHash('sha256').update(packageBytes).digest('hex');
    let server: Server;
    let url = '';
    beforeAll(async () => {
      server = createServer((request, response) => {
        try {
          response.end(readFileSync(join(published, request.url!.replace(/^\/charts\//, ''))));
        } catch {
          response.writeHead(404).end();
        }
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/charts`;
      writeFileSync(join(published, 'karpenter-1.14.1.tgz'), packageBytes);
      const helm = await resolveHelm();
      await execa(helm.path, ['repo', 'index', published, '--url', url], {
        env: { HOME: published, HELM_CONFIG_HOME: join(published, '.config') },
      });
    });
    afterAll(() => {
      server.close();
      rmSync(published, { recursive: true, force: true });
    });

    let vendor: ReturnType<typeof temporaryVendorRoot>;
    beforeEach(() => (vendor = temporaryVendorRoot([])));
    afterEach(() => vendor.dispose());

    it('downloads the package into vendor/charts and locks its digest, the same bytes on every run', async () => {
      const pull = ['charts', 'pull', 'karpenter', '1.14.1', '--repository', url];
      expect(await main(pull, vendor.root)).toBe(0);
      const pulled = readFileSync(join(vendor.root, 'vendor/charts/karpenter-1.14.1.tgz'));
      expect(createHash('sha256').update(pulled).digest('hex')).toBe(digest);
      expect(readVendorLock(vendor.root).artifacts).toEqual([
        {
          kind: 'chart',
          name: 'karpenter',
          version: '1.14.1',
          path: 'vendor/charts/karpenter-1.14.1.tgz',
          sha256: digest,
          provenance: {
            repository: url,
            build: 'Published package, downloaded with `helm pull` (Helm v4.1.4)',
          },
        },
      ]);
      const lock = readFileSync(join(vendor.root, 'vendor/vendor.lock.json'), 'utf8');
      expect(await main(pull, vendor.root)).toBe(0);
      expect(readFileSync(join(vendor.root, 'vendor/vendor.lock.json'), 'utf8')).toBe(lock);
      expect(await main(['charts', 'verify'], vendor.root)).toBe(0);
    });

    it('fails clearly when the repository cannot be reached, locking nothing', async () => {
      const closed = createServer();
      await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((done) => closed.close(done));
      const offline = `http://127.0.0.1:${port}/charts`;
      expect(
        await main(['charts', 'pull', 'karpenter', '1.14.1', '--repository', offline], vendor.root),
      ).toBe(1);
      expect(stderr).toContain(
        `gitops charts pull: helm pull of karpenter@1.14.1 from ${offline} failed (the repository cannot be reached: pulling needs network access)`,
      );
      expect(readVendorLock(vendor.root).artifacts).toEqual([]);
    });

    it('records the date the user gives, never the clock', async () => {
      const pull = ['charts', 'pull', 'karpenter', '1.14.1', '--repository', url];
      expect(await main([...pull, '--date', '2026-11-25'], vendor.root)).toBe(0);
      expect(readVendorLock(vendor.root).artifacts[0]!.provenance.pulled).toBe('2026-11-25');
    });

    it('refuses to replace a locked package with different bytes, and fails for an unknown version', async () => {
      const locked = temporaryVendorRoot([{ ...karpenterPackageFixture(), bytes: 'older bytes' }]);
      try {
        const before = readFileSync(join(locked.root, 'vendor/vendor.lock.json'), 'utf8');
        expect(
          await main(['charts', 'pull', 'karpenter', '1.14.1', '--repository', url], locked.root),
        ).toBe(1);
        expect(stderr).toContain(
          `chart karpenter@1.14.1 is already locked in vendor/vendor.lock.json with sha256 ${createHash('sha256').update('older bytes').digest('hex')}, and the downloaded package has ${digest}`,
        );
        expect(readFileSync(join(locked.root, 'vendor/vendor.lock.json'), 'utf8')).toBe(before);
      } finally {
        locked.dispose();
      }
      expect(
        await main(['charts', 'pull', 'karpenter', '9.9.9', '--repository', url], vendor.root),
      ).toBe(1);
      expect(stderr).toContain(`helm pull of karpenter@9.9.9 from ${url} failed`);
      expect(readVendorLock(vendor.root).artifacts).toEqual([]);
    });
  },
);
