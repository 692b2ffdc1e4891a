import { counted } from '@platform/manifests';
import { renderChecks } from '../../render/render-checks';
import { runRenderChecks } from '../../render/render-pipeline';
import { findDrift } from '../drift';
import type { CheckSection } from '../check-section';

/** rendered/ against a fresh render, file by file (new, deleted, modified). */
export const driftSection: CheckSection = async ({ root, freshRender }) => {
  const render = await freshRender();
  const drift = findDrift(root, render);
  // Without drift the fresh render is, byte for byte, the files validated and policy-checked by
  // the sections before: checking it again would repeat their findings at the cost of a second
  // pass. With drift, it must pass the checks every render passes before it writes.
  if (drift.length > 0) await runRenderChecks(render.files, renderChecks(root), root);
  if (drift.length === 0)
    return {
      failed: false,
      json: drift,
      lines: [`drift: rendered/ matches a fresh render (${counted(render.files.length, 'file')})`],
    };
  const differ = drift.length === 1 ? 'differs' : 'differ';
  return {
    failed: true,
    json: drift,
    lines: [
      `drift: ${counted(drift.length, 'file')} in rendered/ ${differ} from a fresh render:`,
      ...drift.map((entry) => `  ${entry.kind.padEnd(8)} ${entry.path}`),
      'Run `npx gitops render` and commit rendered/.',
    ],
  };
};
