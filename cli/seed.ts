/** The seed of a command: given with --seed, or drawn and told (every random choice flows from it). */
import { randomInt } from 'node:crypto';
import type { Io } from './io.js';
import { checkSeed } from './values.js';

/** The seed given, or one drawn (`drawn`: the command tells it, once its input has been checked). */
export function seedOf(value: string | undefined): { seed: number; drawn: boolean } {
  if (value === undefined) return { seed: randomInt(0, 2 ** 31), drawn: true };
  return { seed: checkSeed(value), drawn: false };
}

/** The line that tells a drawn seed. */
export const seedLine = (seed: number): string => `seed: ${seed} (pass --seed ${seed} to reproduce)\n`;

/** The seed given, or one drawn and told on stderr. */
export function parseSeed(value: string | undefined, io: Io): number {
  const { seed, drawn } = seedOf(value);
  if (drawn) io.stderr(seedLine(seed));
  return seed;
}
