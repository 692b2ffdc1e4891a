import { describe, expect, it } from 'vitest';
import { diffRenderedFiles } from '../diff/diff-resources';
import { deployment, namespace, renderedFile } from '../testing/fixture-files';
import { formatMarkdown } from './markdown-format';

const fullDiffLocation =
  '[the complete diff](https://gitlab.example.com/jobs/1/artifacts/file/rendered-diff.txt)';

/** A change touching `count` Deployments in each of two apps, plus one deletion. */
function largeChange(count: number) {
  const base = [
    renderedFile('rendered/ci/gitlab-runners/ns/namespace-gone.yaml', namespace('gone')),
  ];
  const head = [];
  for (const app of ['observability', 'karpenter']) {
    for (let i = 0; i < count; i++) {
      const path = `rendered/ci/${app}/c/deployment-${i}.yaml`;
      base.push(renderedFile(path, deployment({ name: `${app}-${i}` })));
      head.push(
        renderedFile(
          path,
          deployment({
            name: `${app}-${i}`,
            replicas: 3,
            image: `registry.example.com/agent:${i}`,
          }),
        ),
      );
    }
  }
  return diffRenderedFiles(base, head);
}

describe('formatMarkdown', () => {
  it('puts the summary and the deletions first, one collapsible section per app', () => {
    const note = formatMarkdown(largeChange(2), { maxChars: 60_000, fullDiffLocation });
    expect(note.indexOf('| ci | observability | 0 | 0 | 2 |')).toBeGreaterThan(0);
    expect(note.indexOf('**1 resource will be deleted**')).toBeLessThan(note.indexOf('<details>'));
    expect(note).toContain(
      '`ci  Namespace gone` **deleting a Namespace deletes every object in it**',
    );
    expect(note.match(/<details>/g)).toHaveLength(3);
    expect(note).toContain('    spec.replicas: 2 → 3');
    expect(note).not.toContain('Left out');
  });

  it('stays within its budget on a large change and names what it left out and where the rest is', () => {
    const diff = largeChange(400);
    const note = formatMarkdown(diff, { maxChars: 20_000, fullDiffLocation });
    expect(note.length).toBeLessThanOrEqual(20_000);
    const leftOut =
      /\*\*Left out to stay within 20,000 characters: (\d+) resource changes\.\*\* Full diff: (.*)/.exec(
        note,
      );
    expect(leftOut?.[2]).toBe(fullDiffLocation);
    const shown = (note.match(/^~ Deployment /gm) ?? []).length;
    expect(shown).toBeGreaterThan(10);
    expect(shown + Number(leftOut![1])).toBe(800);
    expect(note).toMatch(/^- ci\/karpenter: \d+ \(Deployment ×\d+\)$/m);
    expect(note).toContain('- ci/observability: 400 (Deployment ×400)');
    // The summary is never cut: every app's counts are there.
    expect(note).toContain('| ci | observability | 0 | 0 | 400 | 0 | 0 |');
  });

  it('says so when nothing changed', () => {
    const files = [renderedFile('rendered/ci/a/b/namespace-x.yaml', namespace('x'))];
    expect(
      formatMarkdown(diffRenderedFiles(files, files), { maxChars: 5_000, fullDiffLocation }),
    ).toBe('### Rendered diff: no resource changes (1 unchanged)\n\n');
  });
});
