/** The CLI's public API for other tools (benchmarks, generators): everything else is internal. */
export { main } from './main';
export { renderInMemory, renderToDisk } from './render/render-pipeline';
export { loadCatalog } from './workspace/load-catalog';
export { repositoryRoot } from './workspace/repository-root';
export { renderedCapacityFiles } from './workspace/rendered-capacity-files';
export { bundleCacheDirectory } from '../bin/cli-bundle.mjs';
export { readVendorLock, sha256File, type LockedArtifact } from './vendor';
export { workspaceConvergeInput as convergeInput } from './check/converge-input';
