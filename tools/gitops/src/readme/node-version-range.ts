/**
 * Whether a Node version satisfies an npm `engines.node` range, for the ranges packages declare:
 * `||` alternatives of space-separated comparators (`>=`, `>`, `<=`, `<`, `^`, `~`, or a partial
 * version such as `20`, `6.x`, `10.*`, `*`). Any other syntax throws, so a new form is noticed.
 */
export function satisfiesNodeRange(version: string, range: string): boolean {
  const have = parts(version);
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => satisfiesComparator(have, comparator, range)),
  );
}

type Version = [number, number, number];

function parts(version: string): Version {
  const [major = 0, minor = 0, patch = 0] = version.replace(/^v/, '').split('.').map(Number);
  return [major, minor, patch];
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function satisfiesComparator(have: Version, comparator: string, range: string): boolean {
  const match = /^(>=|<=|>|<|\^|~)?v?(\*|x|\d+)(?:\.(\*|x|\d+))?(?:\.(\*|x|\d+))?$/.exec(
    comparator,
  );
  if (!match) throw new Error(`engines.node range "${range}": cannot read "${comparator}"`);
  const [, operator, ...given] = match;
  const known = given.filter((part) => part !== undefined && /^\d+$/.test(part)).map(Number);
  const floor = parts(known.join('.'));
  switch (operator) {
    case '>=':
      return compare(have, floor) >= 0;
    case '>':
      return compare(have, floor) > 0;
    case '<=':
      return compare(have, floor) <= 0;
    case '<':
      return compare(have, floor) < 0;
    case '^':
      return compare(have, floor) >= 0 && have[0] === floor[0];
    case '~':
      return compare(have, floor) >= 0 && have[0] === floor[0] && have[1] === floor[1];
    default:
      // A partial version: every part it names matches (`20` is any 20.x.y, `*` anything).
      return known.every((part, i) => have[i] === part);
  }
}
