import type { Rule } from '../rule.js';
import { buildOutcomeRule } from './build-outcome.js';
import { cacheMissRule } from './cache-miss.js';
import { qemuEmulationRule } from './qemu-emulation.js';
import { slowBuildRule } from './slow-build.js';
import { signatureDiagnosisRule } from './signature-diagnosis.js';
import { buildChecksRule } from './build-checks.js';
import { imageSizeRule } from './image-size.js';
import { afterBuildErrorRule } from './after-build-error.js';

/** Every rule, in no particular order: ranking decides what comes first. */
export const RULES: Rule[] = [
  signatureDiagnosisRule,
  buildOutcomeRule,
  qemuEmulationRule,
  cacheMissRule,
  slowBuildRule,
  buildChecksRule,
  imageSizeRule,
  afterBuildErrorRule,
];
