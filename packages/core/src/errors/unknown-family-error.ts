import { JointokError, type JointokErrorOptions } from './jointok-error.js';

const symbol = Symbol.for('jointok.error.unknown-family');

/**
 * No tokenizer family is registered for a repository's `family`. `known` lists the families that were
 * available; `packageName` names the package that provides the modality's families, when one does.
 */
export class UnknownFamilyError extends JointokError {
  private readonly [symbol] = true;
  readonly family: string;
  readonly modality: string;
  readonly known: readonly string[];
  readonly packageName: string | undefined;

  constructor(options: { family: string; modality: string; known: readonly string[]; packageName?: string } & JointokErrorOptions) {
    const { family, modality, known, packageName } = options;
    const hint =
      packageName === undefined
        ? ''
        : ` ${modality} families come from ${packageName}: install it and call its loader (or pass its families: loadTokenizer(source, { families })).`;
    super('unknown-family', `No tokenizer family "${family}" for ${modality} is available. Known: ${known.length > 0 ? known.join(', ') : 'none'}.${hint}`, options);
    this.name = 'UnknownFamilyError';
    this.family = family;
    this.modality = modality;
    this.known = known;
    this.packageName = packageName;
  }

  static override isInstance(error: unknown): error is UnknownFamilyError {
    return JointokError.hasMarker(error, symbol);
  }
}
