/** `1 file`, `0 files`, `2 files`: a count and its noun, singular for exactly one. */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
