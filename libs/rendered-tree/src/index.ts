export * from './committed-tree';
