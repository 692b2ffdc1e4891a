import { defineApp } from '@platform/core';
import { observabilityNamespaces } from './namespaces/observability-namespaces';

export default defineApp({
  name: 'observability',
  components: {
    namespaces: observabilityNamespaces,
  },
});
