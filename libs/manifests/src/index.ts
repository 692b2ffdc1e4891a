export * from './field-path';
export * from './finding';
export * from './generated-header';
export * from './manifest-document';
export * from './pod-security-labels';
export * from './policy-exemption';
export * from './resource-label';
export * from './cluster-of-path';
