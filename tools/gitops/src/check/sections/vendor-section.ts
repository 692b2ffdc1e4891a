import { counted } from '@platform/manifests';
import { verifyVendorTree } from '../../vendor';
import type { CheckSection } from '../check-section';

export const vendorSection: CheckSection = ({ root }) => {
  const findings = verifyVendorTree(root);
  return {
    failed: findings.length > 0,
    json: { findings },
    lines: [
      ...findings.map((f) => `${f.file}  ${f.message}  [vendor]`),
      `vendor: ${findings.length === 0 ? 'every vendored artifact matches vendor/vendor.lock.json' : counted(findings.length, 'error')}`,
    ],
  };
};
