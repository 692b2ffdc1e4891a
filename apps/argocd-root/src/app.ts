import { defineApp } from '@platform/core';
import { appOfApps } from './app-of-apps/app-of-apps';
import { clusterRegistrations } from './cluster-registrations/cluster-secret';

export default defineApp({
  name: 'argocd-root',
  components: {
    'app-of-apps': appOfApps,
    'cluster-registrations': clusterRegistrations,
  },
});
