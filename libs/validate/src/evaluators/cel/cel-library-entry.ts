// The entry of the one-file build of the CEL library (cel-library-bundle.ts): what celLibrary()
// returns, from one module instead of a hundred.
export * as cel from '@bufbuild/cel';
export * as ext from '@bufbuild/cel/ext';
export * as re2 from '@bufbuild/re2';
