/** The nightly modelled from calls per case: the API whose documented rate bounds it, and the roles' settle. */
import { describe, expect, it } from 'vitest';
import { nightlyModel } from './calls.js';

describe('nightlyModel', () => {
  it('is bound by CreateStateMachine at one a second after its burst of 100', () => {
    const model = nightlyModel({ 'states:CreateStateMachine': 1, 'states:StartExecution': 1 }, 8);
    expect(model).toMatchObject({ boundBy: 'states:CreateStateMachine', quotaSeconds: 900 });
    expect(model.propagationSeconds).toBe(0);
  });

  it('adds each new role a 10 s settle, the cases running 8 at a time', () => {
    const model = nightlyModel({ 'iam:CreateRole': 0.5 }, 8);
    expect(model.propagationSeconds).toBe(625);
    expect(model.floorSeconds).toBe(model.quotaSeconds + 625);
  });
});
