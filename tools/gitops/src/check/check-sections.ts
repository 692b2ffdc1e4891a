import type { CheckSectionEntry } from './check-section';

/**
 * The sections of `gitops check`, in the order they run and print. Adding a check is a file in
 * sections/ exporting a CheckSection and one line here; the help and the README name the sections
 * from this list (a test compares them).
 */
export const checkSections: readonly CheckSectionEntry[] = [
  {
    name: 'vendor',
    proves: 'vendored artifacts match their lock',
    load: async () => (await import('./sections/vendor-section')).vendorSection,
  },
  {
    name: 'validate',
    proves: 'strict schemas',
    load: async () => (await import('./sections/validate-section')).validateSection,
  },
  {
    name: 'policy',
    proves: 'policy rules',
    load: async () => (await import('./sections/policy-section')).policySection,
  },
  {
    name: 'delivery',
    proves: 'every object fits its Application, AppProject and namespaces',
    load: async () => (await import('./sections/delivery-section')).deliverySection,
  },
  {
    name: 'capacity',
    proves: 'the CI peak fits the NodePools and subnets',
    load: async () => (await import('./sections/capacity-section')).capacitySection,
  },
  {
    name: 'monitoring',
    proves: 'monitors link runbooks; node agents tolerate every taint',
    load: async () => (await import('./sections/monitoring-section')).monitoringSection,
  },
  {
    name: 'isolation',
    proves:
      'privileged nodes, the secret store, job egress, admission and AppProjects reach only what they must',
    load: async () => (await import('./sections/isolation-section')).isolationSection,
  },
  {
    name: 'converge',
    proves: 'every cluster comes up from empty as Argo CD 3.5.1 syncs rendered/',
    load: async () => (await import('./sections/converge-section')).convergeSection,
  },
  {
    name: 'docs',
    proves: 'the documents generated from rendered/ are current',
    load: async () => (await import('./sections/docs-section')).docsSection,
  },
  {
    name: 'drift',
    proves: 'rendered/ is exactly a fresh render',
    load: async () => (await import('./sections/drift-section')).driftSection,
  },
];
