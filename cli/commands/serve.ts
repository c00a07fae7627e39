import { lookup } from 'node:dns/promises';
import { UsageError } from '../../contracts/usageError.js';
import { CLOCK_KINDS, type ClockKind } from '../../emulator/engine/scheduler.js';
import { REQUEST_MAX_BYTES } from '../../serve/protocol/json.js';
import { SCENARIO_TAG } from '../../serve/stepFunctions/scenarioTag.js';
import { startServer, type RunningServer } from '../../serve/server.js';
import { pastChecks } from '../commandOutput.js';
import { checkMutants } from '../targetChoice.js';
import { readScenario } from '../scenarioFile.js';
import { watchInterruption } from '../interruption.js';
import type { Io } from '../io.js';
import { readMockConfig } from '../mockFile.js';
import { checkAccount, checkRegion, integer } from '../values.js';

/** `serve`'s options, as commander hands them over. */
export interface ServeRaw {
  port?: string;
  host?: string;
  allowRemote?: boolean;
  region?: string;
  account?: string;
  scenario?: string;
  mock?: string;
  clock?: string;
  /** `--state DIR`: the directory the account is kept in. */
  state?: string;
  /** `--emulator-mutant`, once for each. */
  emulatorMutant?: string[];
}

/** `--clock`, checked: `virtual` (the default) or `real`. */
function checkClock(given: string | undefined): ClockKind {
  const clock = given ?? 'virtual';
  if (!(CLOCK_KINDS as readonly string[]).includes(clock))
    throw new UsageError('bad-option', `--clock "${clock}" is unknown; use virtual or real`);
  return clock as ClockKind;
}

/** What the startup line says of persistence: where the account is kept, and what was loaded. */
function persistence(dir: string | undefined, server: RunningServer): string {
  if (dir === undefined) return 'nothing is persisted';
  const machines = server.loaded?.stateMachines ?? 0;
  const roles = server.loaded?.roles ?? 0;
  return `state kept in ${dir} (${machines} state machine${machines === 1 ? '' : 's'}, ${roles} role${roles === 1 ? '' : 's'} loaded)`;
}

/** The port `serve` listens on without --port (Step Functions Local's). */
export const DEFAULT_PORT = 8083;

/** Whether an address is a loopback one: 127.0.0.0/8, ::1, or 127.0.0.0/8 mapped into IPv6. */
const isLoopbackAddress = (address: string): boolean =>
  address === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/i.test(address);

/** Whether every address a host name or address stands for is loopback (`localhost` is). */
async function isLoopback(host: string): Promise<boolean> {
  try {
    const addresses = await lookup(host, { all: true });
    return addresses.length > 0 && addresses.every((a) => isLoopbackAddress(a.address));
  } catch {
    throw new UsageError('bad-option', `--host ${host} is not an address or a name this machine resolves`);
  }
}

/**
 * `--host`, checked: a host whose addresses are all loopback, or any host with `--allow-remote`
 * (`remote` says it is not loopback); `[::1]` is taken for `::1`.
 */
export async function checkHost(
  given: string,
  allowRemote: boolean,
): Promise<{ host: string; remote: boolean }> {
  if (given.trim() === '')
    throw new UsageError('bad-option', '--host is empty; give an address such as 127.0.0.1');
  const host = given === '[::1]' ? '::1' : given;
  const remote = !(await isLoopback(host));
  if (remote && !allowRemote)
    throw new UsageError(
      'bad-option',
      `--host ${host} is not a loopback address, and the server checks no credentials; add --allow-remote to listen there anyway`,
    );
  return { host, remote };
}

/** A listen error as the option it is about, in one line. */
function listenError(e: NodeJS.ErrnoException, port: number, host: string): UsageError {
  switch (e.code) {
    case 'EADDRINUSE':
      return new UsageError('bad-option', `--port ${port}: the port is in use on ${host}; give another one`);
    case 'EACCES':
      return new UsageError('bad-option', `--port ${port}: permission denied; use a port above 1023`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new UsageError('bad-option', `--host ${host} is not an address of this machine`);
    default:
      return new UsageError('bad-option', `cannot listen on ${host}:${port}: ${e.code ?? e.message}`);
  }
}

/**
 * `sfn-conformance serve`: the built-in emulator as a local Step Functions, SageMaker, IAM and STS
 * endpoint, until SIGINT, SIGTERM or SIGHUP (or the end of the process that started it); then it
 * closes, exit 0.
 */
export async function serveCommand(raw: ServeRaw, io: Io): Promise<number> {
  const port = raw.port === undefined ? DEFAULT_PORT : integer(raw.port, '--port', 0, 65535);
  const { host, remote } = await checkHost(raw.host ?? '127.0.0.1', raw.allowRemote === true);
  if (raw.region !== undefined) checkRegion(raw.region);
  if (raw.account !== undefined) checkAccount(raw.account);
  // A fresh account unless the file says otherwise: only what was created exists.
  const scenario =
    raw.scenario !== undefined ? readScenario(raw.scenario, { referencesExist: false }) : undefined;
  const clock = checkClock(raw.clock);
  const mutants = checkMutants(raw.emulatorMutant);
  const mocks = raw.mock === undefined ? undefined : readMockConfig(raw.mock);
  let server: RunningServer;
  try {
    server = await startServer({
      port,
      host,
      emulator: {
        ...(raw.region ? { region: raw.region } : {}),
        ...(raw.account ? { account: raw.account } : {}),
        ...(mutants.length > 0 ? { mutants } : {}),
      },
      ...(scenario ? { scenario } : {}),
      clock,
      ...(mocks ? { mocks } : {}),
      ...(raw.state !== undefined ? { stateDir: raw.state } : {}),
    });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw listenError(e as NodeJS.ErrnoException, port, host);
  }
  pastChecks(io);
  if (remote)
    io.stderr(
      `warning: listening on ${host}, not loopback: anyone who reaches this port may use the emulator, with no credentials checked\n`,
    );
  const cases = mocks
    ? Object.values(mocks.config.StateMachines).reduce((n, m) => n + Object.keys(m.TestCases).length, 0)
    : 0;
  io.stdout(
    `serving Step Functions (JSON 1.0), SageMaker (JSON 1.1), IAM and STS (query) at ${server.url}; execution roles enforced; ${clock} clock;${mutants.length > 0 ? ` emulator mutant${mutants.length > 1 ? 's' : ''} ${mutants.join(', ')} (deliberate deviations from AWS);` : ''} ${mocks ? `${cases} mock test case${cases === 1 ? '' : 's'} from ${raw.mock} (StartExecution ARN#TestCase)` : 'no mocks'}; SageMaker's world: ${raw.scenario !== undefined ? `the scenario of ${raw.scenario}` : 'a fresh account'} (a state machine tagged ${SCENARIO_TAG} runs in its own); request bodies up to ${REQUEST_MAX_BYTES} bytes; ${persistence(raw.state, server)}. Ctrl-C stops it.\n`,
  );
  const why = await new Promise<string>((resolve) => {
    const unwatch = watchInterruption((reason) => {
      unwatch();
      resolve(reason);
    });
  });
  try {
    await server.close();
  } catch (e) {
    // Only the state file is written at the close.
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UsageError(
      'bad-state',
      `stopped (${why}), but the state file in ${raw.state} could not be written (${code})`,
    );
  }
  io.stdout(`stopped (${why})\n`);
  return 0;
}
