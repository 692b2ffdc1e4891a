import { compliantDeployment } from '../../fixtures/compliant-manifests';
import { failing, file, passing, yaml, type RuleFixture } from '../../fixtures/rule-fixture';

const base64 = (text: string) => Buffer.from(text).toString('base64');
// AWS's documented example keys and made-up tokens: shaped like credentials, valid nowhere.
const awsAccessKeyId = 'AKIAIOSFODNN7EXAMPLE';
const awsSecretAccessKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const caData = base64('-----BEGIN CERTIFICATE-----\nci-cluster-ca\n-----END CERTIFICATE-----\n');

/** An ArgoCD cluster registration as apps/argocd-root renders it: IAM auth and the public CA only. */
const clusterRegistration = file(
  'rendered/mgmt/argocd-root/cluster-registrations/secret-argocd-cluster-ci.yaml',
  yaml`
    apiVersion: v1
    kind: Secret
    metadata:
      name: cluster-ci
      namespace: argocd
      labels:
        argocd.argoproj.io/secret-type: cluster
    type: Opaque
    stringData:
      name: ci
      server: https://9E2B7C4D1A0F3E6B8C5D2A1F0E9B8C7D.gr7.eu-west-1.eks.amazonaws.com
      config: '{"awsAuthConfig":{"clusterName":"platform-ci","roleARN":"arn:aws:iam::123456789012:role/platform-ci-argocd-deployer"},"tlsClientConfig":{"insecure":false,"caData":"${caData}"}}'
  `,
);

export const secretFixtures: RuleFixture[] = [
  failing(
    'no-secret-data',
    'no-secret-data reports data and stringData of an ordinary Secret',
    file(
      'rendered/ci/shop/web/secret-shop-db.yaml',
      yaml`
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          namespace: shop
        type: Opaque
        data:
          password: ${base64('hunter2')}
        stringData:
          user: shop
      `,
    ),
    [
      { line: 7, field: 'data', message: 'Secret carries data in Git' },
      { line: 9, field: 'stringData', message: 'Secret carries stringData in Git' },
    ],
  ),
  failing(
    'no-secret-data',
    'no-secret-data reports credentials in a cluster registration config and keys ArgoCD does not read',
    file(
      'rendered/mgmt/argocd-root/cluster-registrations/secret-argocd-cluster-ci.yaml',
      yaml`
        apiVersion: v1
        kind: Secret
        metadata:
          name: cluster-ci
          namespace: argocd
          labels:
            argocd.argoproj.io/secret-type: cluster
        type: Opaque
        stringData:
          name: ci
          server: https://ci.example.com
          token: not-read-by-argocd
          config: '{"bearerToken":"abc","tlsClientConfig":{"insecure":false,"keyData":"a2V5","caData":"Y2E="}}'
      `,
    ),
    [
      {
        line: 12,
        field: 'stringData.token',
        message:
          'cluster registration key "token" is not one ArgoCD reads (name, server, config, namespaces, clusterResources, project, shard)',
      },
      {
        line: 13,
        field: 'stringData.config.bearerToken',
        message: 'cluster registration config holds the credential bearerToken; use awsAuthConfig',
      },
      {
        line: 13,
        field: 'stringData.config.tlsClientConfig.keyData',
        message:
          'cluster registration config holds the credential tlsClientConfig.keyData; use awsAuthConfig',
      },
    ],
  ),
  failing(
    'no-secret-data',
    'no-secret-data decodes a base64 cluster registration config before checking it',
    file(
      'rendered/mgmt/argocd-root/cluster-registrations/secret-argocd-cluster-ci.yaml',
      yaml`
        apiVersion: v1
        kind: Secret
        metadata:
          name: cluster-ci
          namespace: argocd
          labels:
            argocd.argoproj.io/secret-type: cluster
        data:
          config: ${base64('{"username":"admin","password":"hunter2","tlsClientConfig":{"insecure":false}}')}
      `,
    ),
    [
      {
        line: 9,
        field: 'data.config.password',
        message: 'cluster registration config holds the credential password; use awsAuthConfig',
      },
      {
        line: 9,
        field: 'data.config.username',
        message: 'cluster registration config holds the credential username; use awsAuthConfig',
      },
    ],
  ),
  passing(
    'no-secret-data',
    'no-secret-data accepts a cluster registration with awsAuthConfig and the public CA',
    clusterRegistration,
  ),

  failing(
    'no-credentials',
    'no-credentials finds tokens and keys in Helm values, including inside an embedded config.toml',
    file(
      'rendered/ci/gitlab-runners/restricted/values.yaml',
      yaml`
        # helm-values: chart=gitlab-runner version=0.86.0
        runnerToken: glrt-t1_AbCdEfGhIjKlMnOpQrSt
        runners:
          config: |
            [[runners]]
              [runners.cache.s3]
                AccessKey = "${awsAccessKeyId}"
                SecretKey = "${awsSecretAccessKey}"
        datadog:
          apiKey: 0123456789abcdef0123456789abcdef
          appKey: 0123456789abcdef0123456789abcdef01234567
      `,
    ),
    [
      {
        line: 2,
        field: 'runnerToken',
        message: 'value looks like a GitLab token (glrt-…); keep credentials out of Git',
      },
      {
        line: 4,
        field: 'runners.config',
        message: 'value looks like an AWS access key id (AKIA…); keep credentials out of Git',
      },
      {
        line: 4,
        field: 'runners.config',
        message: 'value looks like an AWS secret access key; keep credentials out of Git',
      },
      {
        line: 10,
        field: 'datadog.apiKey',
        message: 'value looks like a Datadog API key; keep credentials out of Git',
      },
      {
        line: 11,
        field: 'datadog.appKey',
        message: 'value looks like a Datadog application key; keep credentials out of Git',
      },
    ],
  ),
  failing(
    'no-credentials',
    'no-credentials finds a private key, a key inside a JSON string, base64 Secret data and an env var named like a key',
    [
      file(
        'rendered/ci/shop/web/configmap-shop-tls.yaml',
        yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: tls
            namespace: shop
          data:
            key.pem: |
              -----BEGIN RSA PRIVATE KEY-----
              MIIEowIBAAKCAQEAexample
              -----END RSA PRIVATE KEY-----
            settings.json: '{"aws":{"aws_access_key_id":"ASIAIOSFODNN7EXAMPLE"}}'
        `,
      ),
      file(
        'rendered/ci/shop/web/secret-shop-registry.yaml',
        yaml`
          apiVersion: v1
          kind: Secret
          metadata:
            name: registry
            namespace: shop
          data:
            token: ${base64('glpat-AbCdEfGhIjKlMnOpQrSt1234')}
        `,
      ),
      file(
        'rendered/ci/shop/web/deployment-shop-agent.yaml',
        yaml`
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: agent
            namespace: shop
          spec:
            template:
              spec:
                containers:
                  - name: agent
                    image: registry.example.com/agent:2.1.0
                    env:
                      - name: DD_API_KEY
                        value: fedcba9876543210fedcba9876543210
        `,
      ),
    ],
    [
      {
        line: 7,
        field: 'data["key.pem"]',
        message: 'value looks like a PEM private key; keep credentials out of Git',
      },
      {
        line: 11,
        field: 'data["settings.json"].aws.aws_access_key_id',
        message: 'value looks like an AWS access key id (ASIA…); keep credentials out of Git',
      },
      {
        file: 'rendered/ci/shop/web/deployment-shop-agent.yaml',
        line: 14,
        field: 'spec.template.spec.containers[0].env[0].value',
        message: 'value looks like a Datadog API key; keep credentials out of Git',
      },
      {
        file: 'rendered/ci/shop/web/secret-shop-registry.yaml',
        line: 7,
        field: 'data.token',
        message:
          'base64-decoded value looks like a GitLab token (glpat-…); keep credentials out of Git',
      },
    ],
  ),
  passing(
    'no-credentials',
    'no-credentials accepts digests, CA certificates, role ARNs, hex endpoints and references to Secrets',
    [
      clusterRegistration,
      file(
        'rendered/ci/shop/web/deployment-shop-web.yaml',
        compliantDeployment({
          image:
            'registry.example.com/shop/web@sha256:4c1e9fd2a7b8c3d6e5f40112233445566778899aabbccddeeff00112233445566',
        }),
      ),
      file(
        'rendered/ci/observability/datadog/values.yaml',
        yaml`
        # helm-values: chart=datadog version=3.240.0
        datadog:
          apiKeyExistingSecret: datadog-keys
          appKeyExistingSecret: datadog-keys
          clusterName: platform-ci
        clusterAgent:
          image:
            digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        serviceAccount:
          annotations:
            eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/platform-ci-datadog
        caBundle: |
          -----BEGIN CERTIFICATE-----
          MIIBszCCAVmgAwIBAgIUexample
          -----END CERTIFICATE-----
        commit: 0123456789abcdef0123456789abcdef01234567
      `,
      ),
    ],
  ),
];
