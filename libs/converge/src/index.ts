export * from './input/converge-input';
export * from './input/bootstrap-steps';
export * from './simulation/converge';
export * from './simulation/converge-result';
export type { RuntimeSecret } from './world/pod-prerequisites';
export * from './input/inventory-clusters';
