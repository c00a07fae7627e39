/** `sweep`: deletes what a crashed run left behind (`--dry-run` lists it). */
import {
  deleteLeftover,
  findLeftovers,
  LEFTOVER_KINDS,
  type Leftover,
} from '../../suites/targets/aws/sweep.js';
import { describeError } from '../../suites/targets/aws/errors.js';
import { printable } from '../../contracts/printable.js';
import { UsageError } from '../../contracts/usageError.js';
import type { Io } from '../io.js';
import { type AwsRaw, connectAwsTarget } from '../aws/connect.js';

/** `sweep`'s options, as commander hands them over. */
export interface SweepRaw extends AwsRaw {
  runId?: string;
  olderThan?: string;
  dryRun?: boolean;
}

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `sweep`: finds the tool's leftovers and deletes them (or lists them, `--dry-run`); returns the exit code. */
export async function sweepCommand(raw: SweepRaw, io: Io): Promise<number> {
  if (raw.target !== 'aws' && raw.target !== 'endpoint')
    throw new UsageError(
      'bad-option',
      `sweep needs --target aws or --target endpoint (got "${raw.target ?? ''}")`,
    );
  if (raw.runId === undefined && raw.olderThan === undefined)
    throw new UsageError(
      'missing-option',
      'sweep needs --run-id ID or --older-than AGE (e.g. 2h): which leftovers to delete',
    );
  if (raw.runId !== undefined && !/^[0-9a-z]+$/.test(raw.runId))
    throw new UsageError(
      'bad-option',
      `--run-id "${raw.runId}" is not a run id (lower-case letters and digits)`,
    );
  let before: Date | undefined;
  if (raw.olderThan !== undefined) {
    const m = /^(\d+)([smhd])$/.exec(raw.olderThan);
    if (!m)
      throw new UsageError(
        'bad-option',
        `--older-than "${raw.olderThan}" must be a number and a unit s, m, h or d (e.g. 2h)`,
      );
    before = new Date(Date.now() - Number(m[1]) * UNITS[m[2]!]!);
  }
  const { target } = await connectAwsTarget(raw);
  const clients = target.retryingClients;
  const leftovers = await findLeftovers(
    clients,
    {
      ...(raw.runId ? { runId: raw.runId } : {}),
      ...(before ? { before } : {}),
    },
    // An endpoint that does not implement a kind's List call cannot have created that kind either.
    ({ kind, call, error }) =>
      io.stderr(
        `${printable(`note: ${kind}s not listed: the target answered ${call} with ${describeError(error)}`)}\n`,
      ),
  );
  // Jobs and endpoints first, roles last: a role may not be deleted while a state machine names it.
  const rank = (kind: Leftover['kind']) => LEFTOVER_KINDS.indexOf(kind);
  leftovers.sort((a, b) => rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name));
  let failed = 0;
  for (const l of leftovers) {
    if (raw.dryRun) {
      io.stdout(
        `${printable(`would delete ${l.kind} ${l.name} (run ${l.runId}, created ${l.createdAt.toISOString()})`)}\n`,
      );
      continue;
    }
    try {
      await deleteLeftover(clients, l);
      io.stdout(`${printable(`deleted ${l.kind} ${l.name} (run ${l.runId})`)}\n`);
    } catch (e) {
      failed++;
      // The names and the answer are the target's: escaped, one line each.
      io.stderr(`${printable(`could not delete ${l.kind} ${l.name}: ${describeError(e)}`)}\n`);
    }
  }
  io.stdout(
    `${leftovers.length} leftovers ${raw.dryRun ? 'found (dry run: nothing deleted)' : `found, ${leftovers.length - failed} deleted`}\n`,
  );
  return failed === 0 ? 0 : 1;
}
