import { LossyConversionError } from '../errors/index.js';
import type { AddedToken } from '../tokenizer-json/added-tokens.js';

const lossy = (component: string, reason: string): LossyConversionError => new LossyConversionError({ component, reason, target: 'tiktoken' });

/**
 * Throws unless the added tokens behave as tiktoken special tokens do with `allowedSpecial: 'all'`:
 * plain literals (no lstrip / rstrip / single_word), none overlapping another. Hugging Face matches
 * leftmost-longest (raw-matched tokens before normalized ones) and tiktoken leftmost in its map's
 * order, which agree only when no literal is a substring of another or overlaps one.
 */
export function checkAddedTokens(tokens: readonly AddedToken[]): void {
  tokens.forEach((token, i) => {
    for (const [flag, key] of [[token.lstrip, 'lstrip'], [token.rstrip, 'rstrip'], [token.singleWord, 'single_word']] as const) {
      if (flag) throw lossy(`added_tokens[${i}].${key}`, 'is true; tiktoken special tokens match their literal only');
    }
    if (token.content.length === 0) throw lossy(`added_tokens[${i}].content`, 'is empty');
  });
  // Proper prefixes → the token that has it (-2: several do), and whole literals → token.
  const prefixOwner = new Map<string, number>();
  const byContent = new Map<string, number>();
  tokens.forEach((token, i) => {
    if (byContent.has(token.content)) return; // a duplicate literal: Hugging Face keeps the first
    byContent.set(token.content, i);
    for (let k = 1; k < token.content.length; k++) {
      const prefix = token.content.slice(0, k);
      const owner = prefixOwner.get(prefix);
      prefixOwner.set(prefix, owner === undefined || owner === i ? i : -2);
    }
  });
  tokens.forEach((token, i) => {
    const text = token.content;
    const clash = (other: number | undefined): void => {
      if (other === undefined || other === i || (other >= 0 && (tokens[other] as AddedToken).content === text)) return;
      const what = other >= 0 ? `added_tokens[${other}].content (${JSON.stringify((tokens[other] as AddedToken).content)})` : 'other added tokens';
      throw lossy(`added_tokens[${i}].content`, `(${JSON.stringify(text)}) overlaps ${what}; Hugging Face and tiktoken resolve overlapping literals differently`);
    };
    for (let k = 0; k < text.length; k++) {
      // A suffix that starts another literal, or a stretch that is another literal.
      if (k > 0) clash(prefixOwner.get(text.slice(k)));
      for (let e = k + 1; e <= text.length; e++) if (e - k < text.length) clash(byContent.get(text.slice(k, e)));
    }
  });
}
