import { objectOf } from '../../document/json-value';
import type { ResourceRule } from '../policy-rule';
import { podTemplateOf, podWorkloadKinds } from '../../workload/pod-template';
import { annotationEquals } from '../../admission/cel-pod';
import { ciJobNamespaces, inCiJobNamespace } from './ci-job-namespaces';

const annotation = 'karpenter.sh/do-not-disrupt';

export const ciJobDoNotDisrupt: ResourceRule = {
  id: 'ci-job-do-not-disrupt',
  severity: 'error',
  rationale:
    'Karpenter consolidates nodes by evicting their pods; a CI job evicted halfway fails the pipeline and wastes its runtime.',
  checks: `Every pod (and pod template) in the CI job namespaces (${ciJobNamespaces.map((n) => `\`${n}\``).join(', ')}) carries the annotation \`${annotation}: "true"\`, which stops Karpenter from voluntarily disrupting the node it runs on.`,
  fix: `Set the annotation in the runner's pod annotations (\`[runners.kubernetes.pod_annotations]\` in the GitLab Runner config): \`"${annotation}" = "true"\`.`,
  exemption: 'resource',
  input: 'resource',
  appliesTo: podWorkloadKinds,
  admission: {
    namespaces: ciJobNamespaces,
    enforcement: 'advisory',
    validations: [
      {
        expression: annotationEquals(annotation, 'true'),
        message: `CI job pods carry the annotation ${annotation}: "true" (policy rule ci-job-do-not-disrupt)`,
      },
    ],
  },
  check(resource) {
    const template = podTemplateOf(resource);
    if (!template || !inCiJobNamespace(resource)) return [];
    const value = objectOf(template.metadata.annotations)[annotation];
    if (value === 'true') return [];
    return [
      {
        path: [...template.metadataPath, 'annotations', annotation],
        message:
          value === undefined
            ? `CI job pod has no ${annotation}: "true" annotation, so Karpenter may evict it mid-job`
            : `CI job pod sets ${annotation} to ${JSON.stringify(value)}; it must be "true"`,
      },
    ];
  },
};
