import type { ClusterSpec } from '../inventory-types';
import { ci } from './ci';
import { mgmt } from './mgmt';

/** Every cluster. A new cluster is a new file here: components select clusters by role or name. */
export const clusters: ClusterSpec[] = [mgmt, ci];
