export * from './field-path';
export * from './finding';
export * from './generated-header';
export * from './manifest-document';
export * from './policy-exemption';
export * from './resource-label';
