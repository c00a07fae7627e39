/** Options given more than once: each value kept, in the order given. */
import type { Option } from 'commander';

/** Commander's parser of a repeatable option: the values so far, and this one. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The option, repeatable: its value is the list of every value given. */
export const repeatable = (option: Option): Option => option.argParser(collect);
