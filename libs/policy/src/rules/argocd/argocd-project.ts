import { objectOf, stringOf } from '../../document/json-value';
import type { ResourceRule } from '../policy-rule';
import { applicationKind } from './argocd-kinds';

export const argocdProject: ResourceRule = {
  id: 'argocd-project',
  severity: 'error',
  rationale:
    'The `default` AppProject allows any source, destination and kind, so an Application in it escapes every limit the projects set.',
  checks: 'Every Application sets `spec.project`, and not to `default`.',
  fix: 'Put the Application in the AppProject of its app (`projectName()` in apps/argocd-root), which whitelists its repositories, destinations and cluster-scoped kinds.',
  exemption: 'resource',
  input: 'resource',
  appliesTo: applicationKind,
  check(application) {
    const project = stringOf(objectOf(application.object.spec).project);
    if (!project) return [{ path: ['spec', 'project'], message: 'Application sets no project' }];
    if (project === 'default') {
      return [
        { path: ['spec', 'project'], message: 'Application uses the unrestricted default project' },
      ];
    }
    return [];
  },
};
