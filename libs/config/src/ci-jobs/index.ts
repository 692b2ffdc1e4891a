export * from './job-size-classes';
export * from './node-pools';
export * from './capacity-targets';
export * from './job-node-disk';
export * from './load-profile';
