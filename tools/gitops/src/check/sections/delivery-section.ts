import { deliveryFindings } from '../delivery-check';
import type { CheckSection } from '../check-section';
import { findingsOutcome } from '../findings-outcome';

export const deliverySection: CheckSection = ({ files }) =>
  findingsOutcome(
    'delivery',
    deliveryFindings(files),
    'every object fits the Application, AppProject and namespaces ArgoCD will apply it with',
  );
