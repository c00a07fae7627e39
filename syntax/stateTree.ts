/**
 * The one walk over a state machine's tree of states: top-level states, Parallel branches and Map
 * processors (`ItemProcessor`, or the older `Iterator`), each with its JSON pointer and the query
 * language in force there. Walking is syntax: what a visitor does with a state is its own.
 */
import type { QueryLanguage } from '../catalog/api.js';
import { escapePointerSegment, isObject, type JsonObject } from './json.js';

/** One state as the walk meets it. */
export interface StateVisit {
  readonly name: string;
  readonly state: JsonObject;
  /** JSON pointer of the state in the definition, e.g. `/States/Par/Branches/0/States/Train`. */
  readonly pointer: string;
  /** The state's own QueryLanguage where it names one, else the one it inherits. */
  readonly queryLanguage: QueryLanguage;
}

/** A part of the tree that is not shaped as a state machine, where the walk meets it. */
export interface Malformed {
  readonly pointer: string;
  readonly message: string;
}

/** What a visitor answers: `skip` leaves the state's branches or processor unwalked. */
export type VisitAnswer = void | 'skip';

const isLanguage = (v: unknown): v is QueryLanguage => v === 'JSONata' || v === 'JSONPath';

/** The query language a machine or state declares, else the inherited one. */
export function queryLanguageOf(node: JsonObject, inherited: QueryLanguage): QueryLanguage {
  return isLanguage(node.QueryLanguage) ? node.QueryLanguage : inherited;
}

/** The key of a Map state's processor: `ItemProcessor`, or `Iterator` where only that is given. */
export function mapProcessorKey(state: JsonObject): 'ItemProcessor' | 'Iterator' {
  return 'ItemProcessor' in state ? 'ItemProcessor' : 'Iterator';
}

/**
 * Visits every state of a definition, parents before their branches and processors, in the order
 * the definition lists them. A machine's QueryLanguage (JSONPath where it names none) is inherited by
 * its states and by the machines nested in them. Malformed parts are reported, not walked.
 */
export function walkStates(
  definition: JsonObject,
  visit: (state: StateVisit) => VisitAnswer,
  onMalformed: (problem: Malformed) => void = () => {},
): void {
  walkMachine(definition, '', queryLanguageOf(definition, 'JSONPath'), visit, onMalformed);
}

function walkMachine(
  machine: unknown,
  pointer: string,
  inherited: QueryLanguage,
  visit: (state: StateVisit) => VisitAnswer,
  onMalformed: (problem: Malformed) => void,
): void {
  if (!isObject(machine)) {
    onMalformed({ pointer: pointer || '/', message: 'a state machine must be a JSON object with States' });
    return;
  }
  const language = queryLanguageOf(machine, inherited);
  const states = machine.States;
  if (!isObject(states)) {
    onMalformed({ pointer: `${pointer}/States`, message: 'States must be an object of named states' });
    return;
  }
  for (const [name, state] of Object.entries(states)) {
    const at = `${pointer}/States/${escapePointerSegment(name)}`;
    if (!isObject(state)) {
      onMalformed({ pointer: at, message: 'a state must be an object' });
      continue;
    }
    const queryLanguage = queryLanguageOf(state, language);
    if (visit({ name, state, pointer: at, queryLanguage }) === 'skip') continue;
    if (state.Type === 'Parallel') {
      if (!Array.isArray(state.Branches)) {
        onMalformed({ pointer: `${at}/Branches`, message: 'a Parallel state needs a Branches list' });
        continue;
      }
      state.Branches.forEach((branch, i) =>
        walkMachine(branch, `${at}/Branches/${i}`, queryLanguage, visit, onMalformed),
      );
    } else if (state.Type === 'Map') {
      const key = mapProcessorKey(state);
      walkMachine(state[key], `${at}/${key}`, queryLanguage, visit, onMalformed);
    }
  }
}
