import { describe, expect, it } from 'vitest';
import { al2023NodeClass } from '../testing/plan-fixture';
import {
  allocatableEphemeralMiB,
  neededRootVolumeMiB,
  rootVolumeReservations,
  volumeAboveEviction,
} from './root-volume';

const gi = 1024;

describe('root volume reservations', () => {
  it('takes nodeadm’s kube-reserved 1Gi and nodefs.available 10% when the EC2NodeClass sets none', () => {
    expect(rootVolumeReservations(al2023NodeClass())).toEqual({
      kubeReservedMiB: 1 * gi,
      systemReservedMiB: 0,
      evictionThresholds: [{ share: 0.1 }],
    });
  });

  it('gives pods what is left of the volume: 500Gi − 1Gi − 100Gi − 10% = 349Gi', () => {
    const reservations = rootVolumeReservations(
      al2023NodeClass({ systemReservedEphemeralMiB: 100 * gi }),
    );
    expect(allocatableEphemeralMiB(500 * gi, reservations)).toBe(349 * gi);
  });
});

describe('the root volume a node needs', () => {
  it('keeps what is on the disk above every eviction threshold: 450Gi at 10% free needs 500Gi, 15Gi free needs 465Gi', () => {
    expect(volumeAboveEviction(450 * gi, [{ share: 0.1 }])).toBe(500 * gi);
    expect(volumeAboveEviction(450 * gi, [{ mib: 15 * gi }])).toBe(465 * gi);
    // imagefs.available on the same volume: the larger threshold binds.
    expect(volumeAboveEviction(425 * gi, [{ share: 0.1 }, { share: 0.15 }])).toBe(500 * gi);
  });

  it('holds jobs, images and system under the threshold when they outweigh the reservations', () => {
    // 20 jobs × 9Gi + 20 × 3Gi of images + 10Gi = 250Gi on disk, 10% free: 277.8Gi; the
    // scheduler's side, 180Gi + 1Gi kube-reserved, needs only 201.1Gi.
    const load = { jobStorageMiB: 180 * gi, imagesMiB: 60 * gi, systemMiB: 10 * gi };
    const needed = neededRootVolumeMiB(load, rootVolumeReservations(al2023NodeClass()));
    expect(needed).toBeCloseTo((250 * gi) / 0.9, 6);
  });

  it('fits the jobs’ storage in the allocatable when the reservations outweigh images and system', () => {
    // With 100Gi system-reserved, the scheduler needs 180 + 1 + 100 = 281Gi above 10%: 312.2Gi.
    const load = { jobStorageMiB: 180 * gi, imagesMiB: 60 * gi, systemMiB: 10 * gi };
    const reservations = rootVolumeReservations(
      al2023NodeClass({ systemReservedEphemeralMiB: 100 * gi }),
    );
    const needed = neededRootVolumeMiB(load, reservations);
    expect(needed).toBeCloseTo((281 * gi) / 0.9, 6);
    expect(allocatableEphemeralMiB(needed, reservations)).toBeCloseTo(180 * gi, 6);
  });
});
