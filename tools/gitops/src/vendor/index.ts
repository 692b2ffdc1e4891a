export * from './chart-package-metadata';
export * from './sha256-file';
export * from './temporary-vendor-root';
export * from './vendor-chart-package';
export * from './vendor-lock';
export * from './vendored-artifact';
export * from './vendored-artifact-error';
export * from './verify-vendor-tree';
