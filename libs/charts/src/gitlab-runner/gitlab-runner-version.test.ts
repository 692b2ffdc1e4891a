import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gitlabRunnerChart, gitlabRunnerVersion } from './gitlab-runner-chart';

// The vendored package the runners are rendered from (part of the repository).
const packaged = resolve(
  __dirname,
  '../../../../vendor/charts',
  `${gitlabRunnerChart.chart}-${gitlabRunnerChart.version}.tgz`,
);
const read = (path: string) =>
  execFileSync('tar', ['-xzOf', packaged, `gitlab-runner/${path}`], { encoding: 'utf8' });

describe('the GitLab Runner version', () => {
  it('is the appVersion of the vendored chart package the pin names', () => {
    const chart = parse(read('Chart.yaml')) as { version: string; appVersion: string };
    expect(chart.version).toBe(gitlabRunnerChart.version);
    expect(chart.appVersion).toBe(gitlabRunnerVersion);
  });

  it('is what the chart tags its default manager image with (`v` + appVersion)', () => {
    expect(read('templates/_helpers.tpl')).toContain('(print "v" .Chart.AppVersion)');
  });
});
