import { runnerComponent } from '../runner/runner-component';
import { privilegedRunner } from './privileged-runner';

export default runnerComponent(
  privilegedRunner,
  'The privileged GitLab Runner: Docker-in-Docker jobs in ci-jobs-privileged, only on the tainted ci-privileged pool.',
);
