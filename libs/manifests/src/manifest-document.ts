import type { FieldPath } from './field-path';
import { compareFindings, type Finding } from './finding';
import { readValues, type ValuesResult } from './yaml-values';
import { SourcePositions } from './source-positions';
import { resourceLabel } from './resource-label';

/** One YAML document of a file, with its plain value and a way to find any field's line. */
export interface ManifestDocument {
  file: string;
  /** Position of the document in its file, from 0. */
  index: number;
  value: unknown;
  /** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
  locate(path: FieldPath, part?: 'key' | 'value'): { line: number; column: number };
  /** Set when this is an item of a List document: its position in `items`. */
  listItem?: number;
}

export interface ParsedFile {
  documents: ManifestDocument[];
  /** Syntax errors, duplicate keys, alias bombs and binary content, located. */
  findings: Finding[];
  /** The values may share nodes through aliases (expanded within bounds, or refused above). */
  usesAliases?: boolean;
}

/**
 * What can be read from a file's text without its positions: plain data, so a thread that reads
 * files can parse them too and send this along.
 */
export interface ManifestText extends ValuesResult {
  /** The text holds a NUL character: it is not YAML at all. */
  binary?: boolean;
}

/** The values of a file's text, or why there are none (binary content, a syntax error). */
export function readManifestText(content: string): ManifestText {
  if (content.includes('\u0000')) return { values: [], binary: true };
  return readValues(content);
}

/**
 * Parses a multi-document YAML file. Values come from the fast parser (js-yaml, read the way
 * Kubernetes' own YAML reader reads them: YAML 1.1 booleans, merge keys); source positions come
 * from the `yaml` package's syntax tree, built only when a finding needs a line and column.
 * Empty documents (a lone `---`, comments only) are skipped, as Kubernetes tools do. `read` is
 * the text's values when another thread has read them already.
 */
export function parseManifestFile(
  file: string,
  content: string,
  read: ManifestText = readManifestText(content),
): ParsedFile {
  if (read.binary)
    return {
      documents: [],
      findings: [fileFinding(file, 'not a YAML text file (binary content)')],
    };
  const positions = new SourcePositions(content);
  if (read.problem) return { documents: [], findings: problemFindings(file, positions, read) };
  const bomb = read.usesAliases ? positions.aliasExpansionFinding(file) : undefined;
  if (bomb) return { documents: [], findings: [bomb] };
  const documents: ManifestDocument[] = [];
  read.values.forEach((value, index) => {
    if (value === null || value === undefined) return;
    documents.push({
      file,
      index,
      value,
      locate: (path, part = 'value') => positions.locate(index, path, part),
    });
  });
  return { documents, findings: [], ...(read.usesAliases ? { usesAliases: true } : {}) };
}

/** The syntax tree's located findings; the fast parser's own reason when the tree found none. */
function problemFindings(file: string, positions: SourcePositions, read: ValuesResult): Finding[] {
  const findings = positions.syntaxFindings(file);
  if (!findings.some((f) => f.severity === 'error') && read.problem)
    findings.push({ ...fileFinding(file, read.problem.message), ...read.problem });
  return findings.sort(compareFindings);
}

function fileFinding(file: string, message: string): Finding {
  return {
    file,
    line: 1,
    column: 1,
    resource: '-',
    field: '',
    message,
    severity: 'error',
    rule: 'yaml',
  };
}

/** Parsed files by identity: validate, policy and drift of one command share one parse per file. */
const parsedFiles = new WeakMap<object, ParsedFile>();

/** `parseManifestFile`, once per file object: later calls with the same object reuse the result. */
export function parseSourceFile(file: { path: string; content: string }): ParsedFile {
  let parsed = parsedFiles.get(file);
  if (!parsed) {
    parsed = parseManifestFile(file.path, file.content);
    parsedFiles.set(file, parsed);
  }
  return parsed;
}

/** Names the resource a file-level finding belongs to, once documents are known. */
export function labelFindings(findings: Finding[], documents: readonly ManifestDocument[]): void {
  for (const finding of findings) {
    const owner = documents.find((d) => d.locate([]).line <= finding.line);
    if (owner) finding.resource = resourceLabel(owner.value);
  }
}
