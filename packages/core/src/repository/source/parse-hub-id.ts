import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';

/** The parts of a hub id `hf:owner/name[@revision]`. */
export interface HubId {
  readonly owner: string;
  readonly name: string;
  readonly revision: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;

/** The revision used when a hub id names none. */
export const DEFAULT_REVISION = 'main';

/**
 * Parses `hf:owner/name[@revision]` (also `hf://owner/name`). Owner and name follow the hub's rules
 * (letters, digits, `.`, `_`, `-`; no `..`); a revision is a branch, tag or commit and may contain
 * `/` (`refs/pr/6`) since it is percent-encoded into one URL segment.
 *
 * @throws InvalidArgumentError naming the part that is malformed.
 */
export function parseHubId(source: string): HubId {
  const body = source.replace(/^hf:(\/\/)?/, '');
  const at = body.indexOf('@');
  const repo = at === -1 ? body : body.slice(0, at);
  const revision = at === -1 ? DEFAULT_REVISION : body.slice(at + 1);
  const parts = repo.split('/');
  if (parts.length !== 2) {
    throw new InvalidArgumentError({ argument: 'source', expected: 'a hub id of the form hf:owner/name[@revision]', received: source });
  }
  const [owner, name] = parts as [string, string];
  for (const [label, value] of [['owner', owner], ['name', name]] as const) {
    if (!NAME.test(value) || value.includes('..')) {
      throw new InvalidArgumentError({ argument: `source ${label}`, expected: 'letters, digits, ".", "_" or "-" (no "..")', received: value });
    }
  }
  // eslint-disable-next-line no-control-regex
  if (revision === '' || revision === '.' || revision === '..' || revision.length > 256 || /[\s\u0000-\u001f]/.test(revision)) {
    throw new InvalidArgumentError({ argument: 'source revision', expected: 'a branch, tag or commit without spaces', received: revision });
  }
  return { owner, name, revision };
}
