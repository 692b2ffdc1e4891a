import { documentName, generatedDocuments, staleDocuments } from '../../render/generated-documents';
import type { CheckSection } from '../check-section';

/** The documents generated from rendered/ (docs/capacity.svg, …) are what rendered/ makes now. */
export const docsSection: CheckSection = ({ root, files }) => {
  const documents = generatedDocuments(files);
  const stale = staleDocuments(root, documents).map(documentName);
  return {
    failed: stale.length > 0,
    json: { stale },
    lines: [
      ...stale.map((path) => `${path}  differs from what rendered/ generates  [docs]`),
      stale.length === 0
        ? `docs: ${documents.map(documentName).join(', ') || 'no document'} generated from rendered/ ${documents.length === 1 ? 'is' : 'are'} current`
        : `docs: ${stale.length} stale: run \`npx gitops render\` (it regenerates them) and commit them`,
    ],
  };
};
