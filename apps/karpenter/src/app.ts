import { defineApp } from '@platform/core';
import { karpenterController } from './controller/karpenter-controller';

export default defineApp({
  name: 'karpenter',
  components: {
    controller: karpenterController,
  },
});
