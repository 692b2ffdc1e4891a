import { describe, expect, it } from 'vitest';
import { diffRenderedFiles } from '../diff/diff-resources';
import { deployment, renderedFile } from '../testing/fixture-files';
import { formatTerminal } from './terminal-format';

const configMap = (config: string) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'fluent-bit', namespace: 'observability' },
  data: { 'fluent-bit.conf': config },
});

describe('formatTerminal', () => {
  const diff = diffRenderedFiles(
    [
      renderedFile(
        'rendered/ci/o/c/cm.yaml',
        configMap('[SERVICE]\n  Flush 1\n  Log_Level info\n[INPUT]\n  Name tail\n'),
      ),
      renderedFile('rendered/ci/o/c/d.yaml', deployment()),
    ],
    [
      renderedFile(
        'rendered/ci/o/c/cm.yaml',
        configMap('[SERVICE]\n  Flush 1\n  Log_Level debug\n[INPUT]\n  Name tail\n'),
      ),
      renderedFile('rendered/ci/o/c/d.yaml', deployment({ selector: 'v2' })),
    ],
  );

  it('writes the summary first, recreates loudly, and multi-line strings line by line', () => {
    const text = formatTerminal(diff, { colour: false });
    expect(text.split('\n')[0]).toBe(
      'Rendered diff: 0 added, 0 removed, 2 changed (1 recreated); 0 unchanged',
    );
    expect(text).toContain('RECREATES: 1 resource changes immutable fields');
    expect(text).toContain('~ Deployment observability/agent (apps)  RECREATED');
    expect(text).toContain('-         Log_Level info\n+         Log_Level debug');
    expect(text).not.toContain('\u001b[');
  });

  it('colours only when asked', () => {
    expect(formatTerminal(diff, { colour: true })).toContain('\u001b[1;35m');
  });
});
