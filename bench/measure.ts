/**
 * How the bench measures: contenders run in interleaved rounds (each round runs every contender,
 * in an order that rotates), the first rounds are a warm-up and are not counted, and each figure is
 * given as min / median / max over the counted rounds. A ratio is taken between medians of one run.
 */

export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
  readonly samples: readonly number[];
}

export function spread(samples: readonly number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    min: sorted[0]!,
    median: sorted[Math.floor(sorted.length / 2)]!,
    max: sorted.at(-1)!,
    samples,
  };
}

/** Each contender's round gives one sample (a time or a rate); returns the counted samples' spread. */
export async function interleaved<K extends string>(
  contenders: Readonly<Record<K, () => number | Promise<number>>>,
  { rounds, warmup }: { rounds: number; warmup: number },
): Promise<Record<K, Spread>> {
  const names = Object.keys(contenders) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < warmup + rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!;
      const sample = await contenders[name]();
      if (round >= warmup) samples[name].push(sample);
    }
  }
  return Object.fromEntries(names.map((n) => [n, spread(samples[n])])) as Record<K, Spread>;
}

/** Milliseconds `step` takes. */
export async function timed(step: () => unknown): Promise<number> {
  const start = performance.now();
  await step();
  return performance.now() - start;
}

export const fmt = (s: Spread, digits = 0): string =>
  `${s.median.toFixed(digits)} (min ${s.min.toFixed(digits)}, max ${s.max.toFixed(digits)})`;

export const ratio = (slow: Spread, fast: Spread): number => +(slow.median / fast.median).toFixed(2);
