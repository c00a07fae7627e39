/** The shape of a deliberate deviation of the emulator. */
import type { EmulatorBehaviour } from '../behaviour.js';

/**
 * A deliberate deviation: the rules it answers otherwise, given the rules in force before it
 * (which it may call, so that deviations applied in turn compose).
 */
export type Mutant = (rules: EmulatorBehaviour) => Partial<EmulatorBehaviour>;
