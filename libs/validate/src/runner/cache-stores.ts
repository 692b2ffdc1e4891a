import { codeCacheDirectory } from '../evaluators/caches/code-cache-directory';
import { DigestDirectory } from '../evaluators/caches/digest-directory';
import { CompiledValidatorCache } from '../evaluators/schema-catalog/compiled-validator-cache';
import { CrdVersionsCache } from '../evaluators/schema-catalog/crd-versions-cache';

/**
 * The caches a run keeps under node_modules/.cache, each named by the digest of what it holds (so
 * an entry is never stale) and each optional (an unwritable cache only means doing the work
 * again). The evaluators are given them; none of them knows where they live.
 */
const store = (purpose: string, extension: string) =>
  new DigestDirectory(codeCacheDirectory(purpose), extension);

/** Validators compiled from CRD schemas, as ajv standalone code. */
export const compiledValidatorCache = new CompiledValidatorCache(
  store('gitops-validators', '.cjs'),
);

/** The CRD versions of the committed CRD files, as JSON. */
export const crdVersionsCache = new CrdVersionsCache(store('gitops-crd-versions', '.json'));
