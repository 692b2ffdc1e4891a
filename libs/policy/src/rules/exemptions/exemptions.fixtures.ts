import { compliantDeployment } from '../../fixtures/compliant-manifests';
import { failing, file, passing, type RuleFixture } from '../../fixtures/rule-fixture';

const path = 'rendered/ci/shop/web/deployment-shop-web.yaml';
// compliantDeployment writes `annotations:` on line 6 and the annotations from line 7.

export const exemptionFixtures: RuleFixture[] = [
  failing(
    'exemption-reason',
    'exemption-reason reports an exemption annotation whose value is blank',
    file(
      path,
      compliantDeployment({ annotations: { 'policy.platform/exempt.image-pinned': '  ' } }),
    ),
    [
      {
        line: 7,
        field: 'metadata.annotations["policy.platform/exempt.image-pinned"]',
        message:
          'exemption from image-pinned has no reason; the annotation value must say why the rule does not apply',
      },
    ],
  ),
  passing(
    'exemption-reason',
    'exemption-reason accepts an exemption that gives its reason',
    file(
      path,
      compliantDeployment({
        annotations: {
          'policy.platform/exempt.image-pinned': 'Canary of the nightly build; never promoted.',
        },
      }),
    ),
  ),
  failing(
    'exemption-unknown-rule',
    'exemption-unknown-rule reports a misspelt rule id and a rule that cannot be exempted, at the annotation key',
    file(
      path,
      compliantDeployment({
        annotations: {
          'policy.platform/exempt.image-pined': 'Canary of the nightly build.',
          'policy.platform/exempt.exemption-reason': 'No reason needed.',
        },
      }),
    ),
    [
      {
        line: 7,
        field: 'metadata.annotations["policy.platform/exempt.image-pined"]',
        message:
          'exemption names unknown policy rule "image-pined"; rule ids are listed in docs/policy.md',
      },
      {
        line: 8,
        field: 'metadata.annotations["policy.platform/exempt.exemption-reason"]',
        message:
          'exemption names unknown policy rule "exemption-reason"; rule ids are listed in docs/policy.md',
      },
    ],
  ),
  passing(
    'exemption-unknown-rule',
    'exemption-unknown-rule accepts an exemption naming an existing rule',
    file(
      path,
      compliantDeployment({
        annotations: {
          'policy.platform/exempt.container-resources': 'Sized by the VPA in recommendation mode.',
        },
      }),
    ),
  ),
];
