// @ts-check
// Plain JavaScript (see cached-bundle.mjs): the entry point of `@platform/cached-bundles`.
export { buildBundle, cachedBundle, freshBundle } from './cached-bundle.mjs';

/** @typedef {import('./cached-bundle.mjs').BundleRequest} BundleRequest */
