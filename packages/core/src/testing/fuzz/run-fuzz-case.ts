import { JointokError } from '../../errors/jointok-error.js';
import { installAllocationGuard } from './allocation-guard.js';
import { FuzzPropertyError } from './fuzz-property-error.js';
import type { FuzzCaseOutcome, FuzzCaseMeasures, FuzzFailureKind } from './fuzz-outcome.js';
import { defaultFuzzBudget, type FuzzBudget, type FuzzTarget } from './fuzz-target.js';
import { peakResidentBytes, residentBytes } from './memory-probe.js';

const HUNG = Symbol('hung');

/** The budget of a target: its overrides over the defaults, then the caller's. */
export function targetBudget(target: Pick<FuzzTarget, 'budget'>, overrides: Partial<FuzzBudget> = {}): FuzzBudget {
  return { ...defaultFuzzBudget, ...target.budget, ...overrides };
}

/**
 * Runs one input through a target and checks the invariants: only JointokErrors (with a non-empty
 * string `code` and a bounded message) escape, properties hold, the case stays within the CPU,
 * wall-time, allocation and peak-memory budget. Never throws.
 */
export async function runFuzzCase<Input>(target: FuzzTarget<Input>, input: Input, budget: FuzzBudget = targetBudget(target)): Promise<FuzzCaseOutcome> {
  const residentAtStart = residentBytes();
  const peakAtStart = peakResidentBytes();
  const guard = installAllocationGuard(budget.allocationBytes);
  const cpuAtStart = process.cpuUsage();
  const wallAtStart = performance.now();
  let error: unknown;
  let threw = false;
  let hung = false;
  try {
    const result = target.run(input);
    if (isPromiseLike(result)) {
      const settled = await settleWithin(result, budget.wallMilliseconds);
      if (settled === HUNG) hung = true;
    }
  } catch (caught) {
    threw = true;
    error = caught;
  } finally {
    guard.uninstall();
  }
  const cpu = process.cpuUsage(cpuAtStart);
  const peakAtEnd = peakResidentBytes();
  const measures: FuzzCaseMeasures = {
    cpuMilliseconds: (cpu.user + cpu.system) / 1000,
    wallMilliseconds: performance.now() - wallAtStart,
    largestAllocation: guard.largestRequest,
    peakGrowth: peakAtEnd > peakAtStart ? peakAtEnd - residentAtStart : 0,
  };
  const fail = (failure: FuzzFailureKind, detail: string): FuzzCaseOutcome => ({ ...measures, kind: 'failed', failure, detail });

  const [refused] = guard.refused;
  if (refused !== undefined) return fail('allocation', `${refused.what} of ${refused.bytes} bytes (budget ${budget.allocationBytes})`);
  if (hung) return fail('hang', `did not settle within ${budget.wallMilliseconds} ms`);
  if (threw) {
    if (FuzzPropertyError.isInstance(error)) return fail('property', error.message);
    if (!JointokError.isInstance(error)) return fail('escaped-error', describeThrown(error));
    const { code, message } = error as { code: unknown; message: unknown };
    if (typeof code !== 'string' || code.length === 0) return fail('bad-error', `JointokError with code ${String(code)}: ${describeThrown(error)}`);
    if (typeof message !== 'string' || message.length > budget.messageLength) {
      return fail('bad-error', `${code}: message of ${typeof message === 'string' ? message.length : typeof message} characters (budget ${budget.messageLength})`);
    }
  }
  if (measures.cpuMilliseconds > budget.cpuMilliseconds) return fail('slow', `${measures.cpuMilliseconds.toFixed(0)} ms of CPU (budget ${budget.cpuMilliseconds})`);
  if (measures.peakGrowth > budget.peakBytes) return fail('peak-memory', `resident peak rose ${measures.peakGrowth} bytes (budget ${budget.peakBytes})`);
  return threw ? { ...measures, kind: 'rejected', code: (error as JointokError).code } : { ...measures, kind: 'accepted' };
}

/** `name: message` of anything thrown, at most 500 characters, first stack frame included. */
export function describeThrown(error: unknown): string {
  if (error instanceof Error) {
    const frame = error.stack?.split('\n').find((line) => line.trimStart().startsWith('at '))?.trim() ?? '';
    return `${error.name}: ${error.message.slice(0, 400)}${frame ? ` (${frame.slice(0, 90)})` : ''}`;
  }
  return `a thrown ${typeof error}: ${String(error).slice(0, 400)}`;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

async function settleWithin(promise: PromiseLike<unknown>, milliseconds: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof HUNG>((resolve) => {
    timer = setTimeout(() => resolve(HUNG), milliseconds);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
