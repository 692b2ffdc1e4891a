/** One line of a line-by-line comparison of two texts. */
export interface TextLine {
  sign: ' ' | '-' | '+';
  text: string;
}

/** Above this many line pairs the comparison would be slow; the texts are summarised instead. */
const MAX_CELLS = 250_000;

/**
 * Changed lines of a multi-line string (a config file in a ConfigMap), with one line of context
 * around each change; `…` marks skipped unchanged lines. Longest-common-subsequence, which is
 * exact and fast enough for config files.
 */
export function textLinesDiff(before: string, after: string): TextLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length * b.length > MAX_CELLS) {
    return [
      {
        sign: ' ',
        text: `(${a.length} lines → ${b.length} lines; too long to compare line by line)`,
      },
    ];
  }
  return withContext(align(a, b));
}

function align(a: string[], b: string[]): TextLine[] {
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const lines: TextLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ sign: ' ', text: a[i++]! });
      j++;
    } else if (
      i < a.length &&
      (j === b.length || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)
    ) {
      lines.push({ sign: '-', text: a[i++]! });
    } else {
      lines.push({ sign: '+', text: b[j++]! });
    }
  }
  return lines;
}

function withContext(lines: TextLine[]): TextLine[] {
  const keep = lines.map((line, index) =>
    [index - 1, index, index + 1].some((k) => lines[k] && lines[k]!.sign !== ' '),
  );
  const result: TextLine[] = [];
  lines.forEach((line, index) => {
    if (keep[index]) result.push(line);
    else if (keep[index - 1] || index === 0) result.push({ sign: ' ', text: '…' });
  });
  return result;
}
