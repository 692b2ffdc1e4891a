import { loadProfileFile, type LoadProfile } from '@platform/config';
import { CapacityInputError } from '../plan/capacity-input-error';

/** A working day under the load profile: hours at the peak, at the ordinary load, in all. */
export interface WorkingDayHours {
  working: number;
  peak: number;
  typical: number;
  /** Pipelines running at once on an ordinary working hour (pipelinesPerHour × pipelineMinutes / 60). */
  typicalPipelines: number;
}

/** Checks the profile against itself and the peak; every problem names its field. */
export function workingDayHours(profile: LoadProfile, peakPipelines: number): WorkingDayHours {
  const fail = (field: string, problem: string): never => {
    throw new CapacityInputError(`${loadProfileFile}: loadProfile.${field}: ${problem}`);
  };
  const { start, end } = profile.workingHours;
  if (![start, end].every((h) => Number.isInteger(h) && h >= 0 && h <= 24) || start >= end)
    fail('workingHours', `${start}–${end} is not a range of whole UTC hours within 0–24`);
  if (
    profile.workingDays.length === 0 ||
    new Set(profile.workingDays).size !== profile.workingDays.length
  )
    fail('workingDays', `[${profile.workingDays.join(', ')}] must name each working day once`);
  if (!(profile.peakShare >= 0 && profile.peakShare <= 1))
    fail('peakShare', `${profile.peakShare} is not a share between 0 and 1`);
  if (!(profile.pipelinesPerHour >= 0))
    fail('pipelinesPerHour', `${profile.pipelinesPerHour} is negative`);
  if (!(profile.pipelineMinutes > 0))
    fail('pipelineMinutes', `${profile.pipelineMinutes} is not positive`);
  const typicalPipelines = (profile.pipelinesPerHour * profile.pipelineMinutes) / 60;
  if (typicalPipelines > peakPipelines)
    fail(
      'pipelinesPerHour',
      `${profile.pipelinesPerHour} pipelines an hour of ${profile.pipelineMinutes} minutes run ${typicalPipelines} at once, more than the peak's ${peakPipelines} (peakLoad.concurrentPipelines)`,
    );
  const working = end - start;
  const peak = working * profile.peakShare;
  return { working, peak, typical: working - peak, typicalPipelines };
}
