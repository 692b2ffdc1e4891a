import { runnerComponent } from '../runner/runner-component';
import { restrictedRunner } from './restricted-runner';

export default runnerComponent(
  restrictedRunner,
  'The restricted GitLab Runner: ordinary jobs in ci-jobs, unprivileged, on the Karpenter job pools.',
);
