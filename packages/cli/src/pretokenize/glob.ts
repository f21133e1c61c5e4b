/** True when an argument has glob characters (`*`, `?`, `[`, `{`). */
export function isGlob(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

/** The folder before the first glob character (`data/images` of `data/images/**\/*.png`), `.` if none. */
export function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const index = parts.findIndex((part) => isGlob(part));
  const base = parts.slice(0, index).join('/');
  return base === '' ? (pattern.startsWith('/') ? '/' : '.') : base;
}

/**
 * A glob relative to its base as a regular expression over `/`-separated paths: `**` any folders,
 * `*` and `?` within one name, `[...]` classes, `{a,b}` alternatives.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i);
      if (end < 0) source += '\\[';
      else {
        source += `[${glob.slice(i + 1, end).replace(/^!/, '^')}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) source += '\\{';
      else {
        source += `(?:${glob.slice(i + 1, end).split(',').map((s) => s.replace(/[.+^$()|\\]/g, '\\$&')).join('|')})`;
        i = end;
      }
    } else source += /[.+^$()|\\\]}]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${source}$`);
}
