import { defineApp } from '@platform/core';
import { runnerNamespaces } from './namespaces/runner-namespaces';

export default defineApp({
  name: 'gitlab-runners',
  components: {
    namespaces: runnerNamespaces,
  },
});
