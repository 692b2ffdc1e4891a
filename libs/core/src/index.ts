export * from './app/app-definition';
export * from './chart/platform-chart';
export * from './namespace/platform-namespace';
export * from './render/render-app';
export * from './render/render-scope';
export * from './render/rendered-file';
export * from './render/resource-scope';
export * from './external-secret/external-secret';
