import type { Rule } from '../rule.js';
import { buildOutcomeRule } from './build-outcome.js';
import { cacheMissRule } from './cache-miss.js';
import { qemuEmulationRule } from './qemu-emulation.js';
import { slowBuildRule } from './slow-build.js';

/** Every rule, in no particular order: ranking decides what comes first. */
export const RULES: Rule[] = [buildOutcomeRule, qemuEmulationRule, cacheMissRule, slowBuildRule];
