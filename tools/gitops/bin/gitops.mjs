#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), with the repo's path aliases, so there is no build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)) });
try {
  const { main } = await import('../src/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // The inventory is validated when it is imported: report it without a stack trace.
  if (error?.name !== 'InventoryError') throw error;
  process.stderr.write(`gitops: ${error.message}\n`);
  process.exitCode = 1;
}
