import { defineCommand, type OptionDeclarations } from '../../cli/command';

export const chartsVerifyOptions = {} satisfies OptionDeclarations;

export const chartsPullOptions = {
  repository: {
    type: 'string',
    value: 'URL',
    required: true,
    description: 'the Helm repository the chart version is published in',
  },
  date: {
    type: 'string',
    value: 'D',
    description: 'the day it was pulled, YYYY-MM-DD, recorded in the lock',
  },
} satisfies OptionDeclarations;

export const chartsVerifyCommand = defineCommand({
  name: 'charts verify',
  summary:
    'check vendor/ (chart packages, the Argo CD install) against vendor/vendor.lock.json: every file present, locked and matching its sha256',
  options: chartsVerifyOptions,
  run: async (invocation) => (await import('./run-charts')).runChartsVerify(invocation),
});

export const chartsPullCommand = defineCommand({
  name: 'charts pull',
  summary:
    'download a chart version with the pinned Helm into vendor/charts/ and lock its sha256 (needs network access to the repository)',
  arguments: { usage: '<chart> <version>', min: 2, max: 2 },
  options: chartsPullOptions,
  run: async (invocation) => (await import('./run-charts')).runChartsPull(invocation),
});
