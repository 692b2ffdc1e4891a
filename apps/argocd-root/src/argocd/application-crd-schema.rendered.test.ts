import { validate } from '@platform/validate';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { committedFiles } from '@platform/rendered-tree';

/**
 * Applications are validated against the Application CRD that this repository installs (the
 * version that will run), not only against the generated schema. Runs over the committed
 * rendered/, which holds both the CRD and the Applications.
 */
const crdPath =
  'rendered/mgmt/argocd-root/argocd/customresourcedefinition-applications.argoproj.io.yaml';
const applicationPath = 'rendered/mgmt/argocd-root/app-of-apps/application-argocd-argocd-root.yaml';
const files = committedFiles('rendered/mgmt/argocd-root');
const crd = files.find((f) => f.path === crdPath);
const application = files.find((f) => f.path === applicationPath);
if (!crd || !application)
  console.log(`skipping the CRD schema test: ${crdPath} or ${applicationPath} is not rendered`);

/** The Application with `spec.syncPolicy` misspelt, and the line of the misspelt key. */
function misspelt(content: string): { content: string; line: number } {
  const lines = content.split('\n');
  const index = lines.findIndex((line) => /^ {2}syncPolicy:/.test(line));
  expect(index, 'the root Application has spec.syncPolicy').toBeGreaterThanOrEqual(0);
  lines[index] = lines[index]!.replace('syncPolicy:', 'syncPolicyy:');
  return { content: lines.join('\n'), line: index + 1 };
}

/** The CRD with `syncPolicyy` declared as a free-form field of the Application spec. */
function crdAllowing(content: string): string {
  const object = parse(content);
  for (const version of object.spec.versions) {
    version.schema.openAPIV3Schema.properties.spec.properties.syncPolicyy = {
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    };
  }
  return stringify(object);
}

describe('the Application CRD as schema', () => {
  it('has the CRD and an Application rendered', () => {
    expect(crd, `${crdPath} is rendered`).toBeDefined();
    expect(application, `${applicationPath} is rendered`).toBeDefined();
  });

  it.skipIf(!crd || !application)(
    'reports a misspelt Application field with the file and the line',
    async () => {
      const bad = misspelt(application!.content);
      const report = await validate([crd!, { path: applicationPath, content: bad.content }], {
        engine: 'embedded',
      });
      const finding = report.findings.find((f) => f.file === applicationPath);
      expect(finding, JSON.stringify(report.findings)).toBeDefined();
      expect(finding!.line).toBe(bad.line);
      expect(JSON.stringify(finding)).toContain('syncPolicyy');
    },
  );

  it.skipIf(!crd || !application)(
    'follows the CRD that is rendered: a CRD declaring the field accepts it',
    async () => {
      const bad = misspelt(application!.content);
      const report = await validate(
        [
          { path: crdPath, content: crdAllowing(crd!.content) },
          { path: applicationPath, content: bad.content },
        ],
        { engine: 'embedded' },
      );
      expect(report.findings.filter((f) => f.file === applicationPath)).toEqual([]);
    },
  );
});
