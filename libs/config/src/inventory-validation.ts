import { cidrContains, cidrsOverlap, parseIpv4Cidr, type Ipv4Cidr } from './network/cidr';
import type { Inventory } from './inventory-types';

/** One problem in the inventory, located by source file and field path. */
export interface InventoryIssue {
  file: string;
  path: string;
  message: string;
}

export class InventoryError extends Error {
  constructor(readonly issues: InventoryIssue[]) {
    super(
      `The inventory is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  ${i.file}: ${i.path}: ${i.message}`).join('\n'),
    );
    this.name = 'InventoryError';
  }
}

/** Where each part of the inventory is written, so errors point at the file to edit. */
export const inventoryFiles = {
  repository: 'libs/config/src/repository.ts',
  cluster: (name: string) => `libs/config/src/clusters/${name}.ts`,
};

export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const AWS_ACCOUNT = /^\d{12}$/;
const AWS_REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

/** Returns every problem at once, so one run shows all of them. */
export function findInventoryIssues(inventory: Inventory): InventoryIssue[] {
  const issues: InventoryIssue[] = [];
  const clusterNames = new Set<string>();
  const vpcs: { name: string; cidr: Ipv4Cidr }[] = [];

  const repoUrl = inventory.repository.url;
  if (!/^(https:\/\/|git@|ssh:\/\/)/.test(repoUrl)) {
    issues.push({
      file: inventoryFiles.repository,
      path: 'repository.url',
      message: `"${repoUrl}" is not an https or ssh Git URL`,
    });
  }

  inventory.clusters.forEach((cluster, index) => {
    const file = inventoryFiles.cluster(cluster.name);
    const at = `clusters[${index}]`;
    const add = (path: string, message: string) =>
      issues.push({ file, path: `${at}(${cluster.name}).${path}`, message });

    if (!DNS_LABEL.test(cluster.name)) add('name', `"${cluster.name}" is not a DNS label`);
    if (clusterNames.has(cluster.name)) add('name', `duplicate cluster name "${cluster.name}"`);
    clusterNames.add(cluster.name);
    if (!AWS_ACCOUNT.test(cluster.aws.accountId)) {
      add('aws.accountId', `"${cluster.aws.accountId}" is not a 12-digit AWS account id`);
    }
    if (!AWS_REGION.test(cluster.aws.region)) {
      add('aws.region', `"${cluster.aws.region}" is not an AWS region name`);
    }
    if (!/^https:\/\//.test(cluster.eks.endpoint)) {
      add('eks.endpoint', `"${cluster.eks.endpoint}" is not an https URL`);
    }
    if (!/^1\.\d+$/.test(cluster.eks.kubernetesVersion)) {
      add(
        'eks.kubernetesVersion',
        `"${cluster.eks.kubernetesVersion}" is not a minor version like 1.33`,
      );
    }

    for (const kind of ['protective', 'advisory'] as const) {
      const actions = cluster.admission?.[kind];
      if (!cluster.admission) break;
      const path = `admission.${kind}`;
      if (!actions || actions.length === 0)
        add(path, 'names no action; use Warn and Audit, or Deny and Audit');
      else if (new Set(actions).size !== actions.length)
        add(path, `[${actions.join(', ')}] repeats an action`);
      if (actions?.includes('Deny') && actions.includes('Warn')) {
        add(path, 'Deny and Warn may not be used together (the API server rejects the binding)');
      }
    }

    const vpc = parseIpv4Cidr(cluster.network.vpcCidr);
    if (typeof vpc === 'string') {
      add('network.vpcCidr', vpc);
    } else {
      for (const other of vpcs) {
        if (cidrsOverlap(vpc, other.cidr)) {
          add(
            'network.vpcCidr',
            `${vpc.text} overlaps the VPC of cluster "${other.name}" (${other.cidr.text})`,
          );
        }
      }
      vpcs.push({ name: cluster.name, cidr: vpc });
    }

    const services = parseIpv4Cidr(cluster.network.serviceCidr ?? '');
    if (typeof services === 'string') add('network.serviceCidr', services);
    else if (typeof vpc !== 'string' && cidrsOverlap(services, vpc))
      add('network.serviceCidr', `${services.text} overlaps the VPC ${vpc.text}`);

    const subnets: { name: string; cidr: Ipv4Cidr }[] = [];
    cluster.network.subnets.forEach((subnet, subnetIndex) => {
      const path = `network.subnets[${subnetIndex}](${subnet.name}).cidr`;
      const cidr = parseIpv4Cidr(subnet.cidr);
      if (typeof cidr === 'string') return add(path, cidr);
      if (typeof vpc !== 'string' && !cidrContains(vpc, cidr)) {
        add(path, `${cidr.text} is outside the VPC ${vpc.text}`);
      }
      for (const other of subnets) {
        if (cidrsOverlap(cidr, other.cidr)) {
          add(path, `${cidr.text} overlaps subnet "${other.name}" (${other.cidr.text})`);
        }
      }
      if (!subnet.availabilityZone.startsWith(cluster.aws.region)) {
        add(
          `network.subnets[${subnetIndex}](${subnet.name}).availabilityZone`,
          `"${subnet.availabilityZone}" is not in region ${cluster.aws.region}`,
        );
      }
      subnets.push({ name: subnet.name, cidr });
    });
    if (!cluster.network.subnets.some((s) => s.purpose === 'nodes')) {
      add('network.subnets', 'no subnet has purpose "nodes"');
    }
  });

  const managementClusters = inventory.clusters.filter((c) => c.role === 'management');
  if (managementClusters.length !== 1) {
    issues.push({
      file: inventoryFiles.cluster('*'),
      path: 'clusters[].role',
      message: `exactly one cluster must have role "management" (found ${managementClusters.length})`,
    });
  }

  return issues;
}

/** Throws an InventoryError naming every bad field; returns the inventory when it is valid. */
export function validateInventory(inventory: Inventory): Inventory {
  const issues = findInventoryIssues(inventory);
  if (issues.length > 0) throw new InventoryError(issues);
  return inventory;
}
