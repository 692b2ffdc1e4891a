// Regenerates docs/policy.md from the rule metadata: npx tsx libs/policy/src/docs/write-policy-docs.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { policyDocsPath, renderPolicyDocs } from './policy-docs';

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
writeFileSync(`${repositoryRoot}${policyDocsPath}`, renderPolicyDocs());
process.stdout.write(`wrote ${policyDocsPath}\n`);
