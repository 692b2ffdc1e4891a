import type { PodNetworkingSpec } from '@platform/config';
import type { ZoneDemand } from '../network/zone-demand';
import type { NodeClassSettings } from '../node/node-class-settings';
import type { TypeFit } from '../peak/type-fit';
import type { CapacityFinding } from './capacity-finding';

/** A zone whose subnets cannot hold the peak, named by subnet, zone and CIDR. */
export function zoneFindings(zones: readonly ZoneDemand[]): CapacityFinding[] {
  return zones.flatMap((zone) => {
    const names = zone.subnets.map((s) => s.name).join(', ');
    const cidrs = zone.subnets.map((s) => s.cidr).join(', ');
    const subject = `subnet${zone.subnets.length > 1 ? 's' : ''} ${names} (${zone.zone}, ${cidrs})`;
    const findings: CapacityFinding[] = [];
    if (zone.neededAddresses > zone.freeAddresses) {
      findings.push({
        severity: 'error',
        subject,
        message: `peak needs ${zone.neededAddresses} addresses, ${zone.freeAddresses} free (short by ${zone.neededAddresses - zone.freeAddresses}; ${zone.consumers.join(', ')} may all land in this zone)`,
      });
    } else if (zone.neededPrefixBlocks > zone.freePrefixBlocks) {
      findings.push({
        severity: 'error',
        subject,
        message: `peak needs ${zone.neededPrefixBlocks} whole /28 blocks for prefix delegation, ${zone.freePrefixBlocks} free (short by ${zone.neededPrefixBlocks - zone.freePrefixBlocks})`,
      });
    }
    return findings;
  });
}

/** Kubelet settings that contradict the network mode, per EC2NodeClass and type. */
export function kubeletFindings(
  nodeClass: NodeClassSettings,
  fits: readonly TypeFit[],
  networking: PodNetworkingSpec,
): CapacityFinding[] {
  const at = { subject: `EC2NodeClass ${nodeClass.name}`, file: nodeClass.file };
  const over = fits.filter((f) => f.node.kubeletMaxPods > f.node.networkMaxPods);
  const findings: CapacityFinding[] = over.length
    ? [
        {
          severity: 'error',
          ...at,
          message: `kubelet maxPods ${over[0]?.node.kubeletMaxPods} exceeds what ${networking.mode} gives ${over.map((f) => `${f.type.name} (${f.node.networkMaxPods})`).join(', ')}: pods past that never get an address`,
        },
      ]
    : [];
  if (networking.mode === 'prefix-delegation' && nodeClass.kubelet.maxPods === undefined) {
    findings.push({
      severity: 'warning',
      ...at,
      message:
        'prefix delegation is on but kubelet.maxPods is unset, so nodes keep the ENI-limited pod count',
    });
  }
  return findings;
}
