// Prints one sha256 over every rendered path and content: used to compare renders across processes.
import { createHash } from 'node:crypto';
import { renderInMemory } from '../render/render-pipeline';
import { repositoryRoot } from '../workspace/repository-root';

const { render } = await renderInMemory({ root: repositoryRoot });
const hash = createHash('sha256');
for (const file of render.files) hash.update(`${file.path}\0${file.content}\0`);
process.stdout.write(`${hash.digest('hex')} ${render.files.length} files\n`);
