/** What benchmarks share with the tests here: the scratch clone and the pipeline under gitlab-ci-local. */
export { installOnDemand } from './install-on-demand';
export {
  gitlabCiLocalState,
  jobResults,
  linkDependencyCache,
  runMergeRequestPipeline,
  type JobResult,
  type PipelineRun,
} from './merge-request-pipeline';
export { cleanEnvironment, scratchClone } from './scratch-clone';
