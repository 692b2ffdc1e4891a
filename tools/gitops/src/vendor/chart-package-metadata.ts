import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';

/** What a chart package says about itself in its top-level Chart.yaml. */
export interface ChartPackageMetadata {
  name: string;
  version: string;
}

const block = 512;

/**
 * Reads `<chart>/Chart.yaml` out of a `.tgz` without Helm: gzip, then plain tar headers (name,
 * octal size, ustar prefix). The chart's own Chart.yaml is the one directly under the top folder;
 * subcharts sit deeper, under `<chart>/charts/`.
 */
export function chartPackageMetadata(path: string): ChartPackageMetadata {
  const tar = gunzipSync(readFileSync(path));
  for (let offset = 0; offset + block <= tar.length; ) {
    const header = tar.subarray(offset, offset + block);
    const name = field(header, 0, 100);
    if (name === '') break; // the zero blocks that end an archive
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const prefix = field(header, 345, 155);
    const fullName = prefix ? `${prefix}/${name}` : name;
    const body = offset + block;
    if (/^[^/]+\/Chart\.yaml$/.test(fullName)) {
      const chart = parse(tar.subarray(body, body + size).toString('utf8')) as Record<
        string,
        unknown
      >;
      return { name: String(chart.name), version: String(chart.version) };
    }
    offset = body + Math.ceil(size / block) * block;
  }
  throw new Error(`${path}: no top-level Chart.yaml in the package`);
}

function field(header: Uint8Array, start: number, length: number): string {
  const bytes = header.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return Buffer.from(end === -1 ? bytes : bytes.subarray(0, end)).toString('utf8');
}
