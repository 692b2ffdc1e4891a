export * from './check-delivery';
export * from './delivery-plan';
