import { stringOf } from '../../document/json-value';
import type { ResourceRule, RuleViolation } from '../policy-rule';
import { podContainers } from '../../workload/pod-containers';
import { podTemplateOf, podWorkloadKinds } from '../../workload/pod-template';
import { parseImageReference } from './image-reference';
import { everyContainer } from '../../admission/cel-pod';

/**
 * The same reading of an image reference as parseImageReference, in RE2: a digest after the
 * first `@`, else a tag after the last `:` of the last path segment (a trailing empty `@` aside)
 * that is not `latest`.
 */
const pinnedImage = [
  "c.image.matches('^[^@]*@.')",
  "(c.image.matches(':[^/:@]+@?$') && !c.image.matches(':latest@?$'))",
].join(' || ');

export const imagePinned: ResourceRule = {
  id: 'image-pinned',
  severity: 'error',
  rationale:
    'A moving tag changes what runs without a change in Git, so review, rollback and drift detection all miss it.',
  checks:
    'Every container, init container and ephemeral container image names a tag other than `latest`, or a digest (`@sha256:…`, with or without a tag).',
  fix: 'Pin the image to a release tag (`nginx:1.27.3`) or a digest, defined once in the inventory so Renovate can update it.',
  exemption: 'resource',
  input: 'resource',
  appliesTo: podWorkloadKinds,
  admission: {
    namespaces: 'platform',
    enforcement: 'advisory',
    validations: [
      {
        expression: everyContainer(
          ['containers', 'initContainers', 'ephemeralContainers'],
          `!has(c.image) || ${pinnedImage}`,
        ),
        message:
          'every container image is pinned to a version tag other than latest, or to a digest (policy rule image-pinned)',
      },
    ],
  },
  check(resource) {
    const template = podTemplateOf(resource);
    if (!template) return [];
    const violations: RuleViolation[] = [];
    for (const container of podContainers(template)) {
      const image = stringOf(container.value.image);
      if (image === undefined) continue;
      const { digest, tag } = parseImageReference(image);
      if (digest) continue;
      if (tag === undefined) {
        violations.push({
          path: [...container.path, 'image'],
          message: `${container.title} image "${image}" has no tag, so it pulls latest; pin a version tag or a digest`,
        });
      } else if (tag === 'latest') {
        violations.push({
          path: [...container.path, 'image'],
          message: `${container.title} image "${image}" uses the latest tag; pin a version tag or a digest`,
        });
      }
    }
    return violations;
  },
};
