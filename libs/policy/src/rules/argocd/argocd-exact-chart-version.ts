import type { FieldPath } from '@platform/manifests';
import { arrayOf, isJsonObject, objectOf, stringOf } from '../../document/json-value';
import type { ResourceRule, RuleViolation } from '../policy-rule';
import { applicationKind } from './argocd-kinds';

/** `1.14.1`, `v0.86.0`, `1.0.0-rc.1+build.5`: one version, nothing that resolves to several. */
const EXACT_SEMVER = /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

export const argocdExactChartVersion: ResourceRule = {
  id: 'argocd-exact-chart-version',
  severity: 'error',
  rationale:
    'A range or `latest` lets a chart release change the cluster without a commit, and OCI sources fail on ranges anyway.',
  checks:
    'Every Helm source of every Application (`spec.source` and each of `spec.sources`) — a source with `chart`, or a `repoURL` starting with `oci://` — has a `targetRevision` that is one exact semantic version: no ranges (`^1.2`, `~1.2.0`, `>=1`, `1.2.*`), no `*`, `latest` or `HEAD`, not missing.',
  fix: 'Pin the version in libs/config/src/charts.ts (one line per chart, updated by Renovate) and use it through `helmChartSource()`.',
  exemption: 'resource',
  input: 'resource',
  appliesTo: applicationKind,
  check(application) {
    const spec = objectOf(application.object.spec);
    const sources: { path: FieldPath; source: unknown }[] = [
      ...(isJsonObject(spec.source) ? [{ path: ['spec', 'source'], source: spec.source }] : []),
      ...arrayOf(spec.sources).map((source, index) => ({
        path: ['spec', 'sources', index],
        source,
      })),
    ];
    const violations: RuleViolation[] = [];
    for (const { path, source } of sources) {
      const { chart, repoURL, targetRevision } = objectOf(source);
      const helm = stringOf(chart) !== undefined || (stringOf(repoURL) ?? '').startsWith('oci://');
      if (!helm) continue;
      const name = stringOf(chart) ?? stringOf(repoURL);
      if (targetRevision === undefined) {
        violations.push({
          path: [...path, 'targetRevision'],
          message: `Helm source ${name} has no targetRevision, so it follows the newest chart`,
        });
      } else if (typeof targetRevision !== 'string' || !EXACT_SEMVER.test(targetRevision)) {
        violations.push({
          path: [...path, 'targetRevision'],
          message: `Helm source ${name} targetRevision "${String(targetRevision)}" is not an exact version`,
        });
      }
    }
    return violations;
  },
};
