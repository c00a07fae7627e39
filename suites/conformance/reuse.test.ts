/**
 * A run never creates what it already has, counted at the wire: the AWS target against `serve`
 * with a mutant of the emulator behind it (so that cases diverge and are shrunk, each shrink step
 * an execution), every request passing a counting proxy. Roles created are at most the distinct
 * policies put on them, state machines created at most the distinct (definition, role policy)
 * pairs, and all of them are deleted when the run ends.
 */
import { describe, expect, it } from 'vitest';
import { startServer } from '../../serve/server.js';
import { startWireCounter } from '../targets/aws/testing/wireCounter.js';
import { runOnEndpoint } from './testing/runOnEndpoint.js';

/** The query protocol's form body as a map. */
const form = (body: string) => new URLSearchParams(body);

describe('run --target endpoint against serve, counted at the wire', () => {
  it('creates a role per distinct policy and a state machine per distinct definition and policy, shrinking included', async () => {
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      emulator: { mutants: ['resultselector-ignored'] },
    });
    const counter = await startWireCounter(server.url, [
      'iam:CreateRole',
      'iam:PutRolePolicy',
      'states:CreateStateMachine',
      'states:StartExecution',
    ]);
    try {
      const { code, report } = await runOnEndpoint(counter.url, { seed: 2, runs: 12, shrinkBudget: 30 });
      expect(code).toBe(1);
      expect(report.totals.diverged).toBeGreaterThan(0);
      // Shrinking ran executions of its own: the reuse is counted across cases and shrink steps.
      expect(report.stats.shrinkExecutions).toBeGreaterThan(0);
      const counts = counter.counts();
      const policyOf = new Map<string, string>();
      for (const body of counter.bodies('iam:PutRolePolicy')) {
        const put = form(body);
        policyOf.set(put.get('RoleName')!, put.get('PolicyDocument')!);
      }
      const policies = new Set(policyOf.values());
      expect(counts['iam:CreateRole']).toBe(counter.bodies('iam:CreateRole').length);
      expect(counts['iam:CreateRole']).toBeLessThanOrEqual(policies.size);
      // A state machine per distinct (definition, policy) pair, and another only where a case runs
      // an execution name already used on it (Step Functions keeps a name for 90 days): shrink
      // steps that change the input alone keep the name.
      const pairOf = new Map<string, string>();
      for (const body of counter.bodies('states:CreateStateMachine')) {
        const { name, definition, roleArn } = JSON.parse(body) as Record<string, string>;
        pairOf.set(
          name!,
          JSON.stringify([definition, policyOf.get(roleArn!.slice(roleArn!.lastIndexOf('/') + 1))]),
        );
      }
      const runs = new Map<string, number>();
      for (const body of counter.bodies('states:StartExecution')) {
        const { stateMachineArn, name } = JSON.parse(body) as Record<string, string>;
        const key = JSON.stringify([
          pairOf.get(stateMachineArn!.slice(stateMachineArn!.lastIndexOf(':') + 1)),
          name,
        ]);
        runs.set(key, (runs.get(key) ?? 0) + 1);
      }
      const needed = new Map<string, number>();
      for (const pair of pairOf.values()) needed.set(pair, 1);
      for (const [key, n] of runs) {
        const [pair] = JSON.parse(key) as [string];
        needed.set(pair, Math.max(needed.get(pair) ?? 1, n));
      }
      const allowed = [...needed.values()].reduce((a, b) => a + b, 0);
      expect(counts['states:CreateStateMachine']).toBeLessThanOrEqual(allowed);
      // Fewer roles than a role per case, shrink step and canary check would make.
      const perExecution = report.totals.cases + report.stats.shrinkExecutions + report.canary!.checks;
      expect(counts['iam:CreateRole']!).toBeLessThan(perExecution);
      // Everything created is deleted once the run ends.
      const stats = report.target.stats!;
      expect(counts['iam:DeleteRole']).toBe(counts['iam:CreateRole']);
      expect(stats.rolesDeleted).toBe(counts['iam:CreateRole']);
      expect(counts['states:DeleteStateMachine']).toBe(stats.stateMachinesCreated);
      expect(stats.stateMachinesDeleted).toBe(stats.stateMachinesCreated);
    } finally {
      await counter.close();
      await server.close();
    }
  });
});
