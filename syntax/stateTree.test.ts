import { describe, expect, it } from 'vitest';
import { walkStates, type Malformed, type StateVisit } from './stateTree.js';

const visits = (definition: Record<string, unknown>, skip: string[] = []) => {
  const seen: Omit<StateVisit, 'state'>[] = [];
  const problems: Malformed[] = [];
  walkStates(
    definition,
    ({ name, pointer, queryLanguage }) => {
      seen.push({ name, pointer, queryLanguage });
      return skip.includes(name) ? 'skip' : undefined;
    },
    (p) => problems.push(p),
  );
  return { seen, problems };
};

describe('walkStates', () => {
  const definition = {
    QueryLanguage: 'JSONata',
    StartAt: 'Par',
    States: {
      Par: {
        Type: 'Parallel',
        QueryLanguage: 'JSONPath',
        Branches: [{ StartAt: 'A/b', States: { 'A/b': { Type: 'Pass', End: true } } }],
        Next: 'Map',
      },
      Map: {
        Type: 'Map',
        Iterator: { StartAt: 'T', States: { T: { Type: 'Task', QueryLanguage: 'JSONPath', End: true } } },
        End: true,
      },
    },
  };

  it('visits parents before their branches and processors, with pointers and inherited languages', () => {
    expect(visits(definition).seen).toEqual([
      { name: 'Par', pointer: '/States/Par', queryLanguage: 'JSONPath' },
      { name: 'A/b', pointer: '/States/Par/Branches/0/States/A~1b', queryLanguage: 'JSONPath' },
      { name: 'Map', pointer: '/States/Map', queryLanguage: 'JSONata' },
      { name: 'T', pointer: '/States/Map/Iterator/States/T', queryLanguage: 'JSONPath' },
    ]);
  });

  it('does not descend where the visitor says skip', () => {
    expect(visits(definition, ['Par', 'Map']).seen.map((v) => v.name)).toEqual(['Par', 'Map']);
  });

  it('reports malformed parts by pointer and walks on', () => {
    const { seen, problems } = visits({
      StartAt: 'P',
      States: { P: { Type: 'Parallel' }, M: { Type: 'Map' }, X: 3, Y: { Type: 'Pass', End: true } },
    });
    expect(seen.map((v) => v.name)).toEqual(['P', 'M', 'Y']);
    expect(problems).toEqual([
      { pointer: '/States/P/Branches', message: 'a Parallel state needs a Branches list' },
      { pointer: '/States/M/Iterator', message: 'a state machine must be a JSON object with States' },
      { pointer: '/States/X', message: 'a state must be an object' },
    ]);
  });
});
