import type { RuleFixture } from '../fixtures/rule-fixture';
import { argocdFixtures } from './argocd/argocd.fixtures';
import { ciJobFixtures } from './ci-jobs/ci-jobs.fixtures';
import { containerFixtures } from './containers/containers.fixtures';
import { exemptionFixtures } from './exemptions/exemptions.fixtures';
import { karpenterFixtures } from './karpenter/karpenter.fixtures';
import { podSecurityFixtures } from './pod-security/pod-security.fixtures';
import { podSecurityVersionFixtures } from './pod-security/pod-security-versions.fixtures';
import { rbacFixtures } from './rbac/rbac.fixtures';
import { secretFixtures } from './secrets/secrets.fixtures';

/** Every rule fixture: the passing and failing input of every rule. */
export const ruleFixtures: RuleFixture[] = [
  ...exemptionFixtures,
  ...podSecurityFixtures,
  ...podSecurityVersionFixtures,
  ...containerFixtures,
  ...ciJobFixtures,
  ...rbacFixtures,
  ...secretFixtures,
  ...argocdFixtures,
  ...karpenterFixtures,
];
