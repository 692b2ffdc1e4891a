export * from './extract-pinned-helm';
export * from './helm-error';
export * from './helm-pull';
export * from './helm-template';
export * from './isolated-helm-home';
export * from './pinned-helm';
export * from './resolve-helm';
export * from './inflation-cache';
