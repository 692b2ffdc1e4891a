/** Seconds of a Karpenter duration (`90s`, `10m`, `1h30m`); `Infinity` for `Never`. */
export function durationSeconds(text: string): number {
  if (text === 'Never') return Number.POSITIVE_INFINITY;
  if (!/^([0-9]+[smh])+$/.test(text)) throw new Error(`"${text}" is not a Karpenter duration`);
  const unit = { s: 1, m: 60, h: 3600 } as const;
  let seconds = 0;
  for (const [, amount, u] of text.matchAll(/([0-9]+)([smh])/g))
    seconds += Number(amount) * unit[u as keyof typeof unit];
  return seconds;
}
