import { runnerComponent } from '../runner/runner-component';
import { multiArchRunner } from './multi-arch-runner';

export default runnerComponent(
  multiArchRunner,
  'The multi-arch GitLab Runner: jobs tagged multi-arch in ci-jobs-multiarch, unprivileged, Graviton first on the multi-arch pool.',
);
