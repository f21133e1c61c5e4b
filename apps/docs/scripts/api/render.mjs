// Markdown pages of the API reference: one page per package entry, one section per export.

const KIND_ORDER = [
  ['function', 'Functions'],
  ['class', 'Classes'],
  ['variable', 'Constants'],
  ['interface', 'Interfaces'],
  ['type', 'Types'],
  ['enum', 'Enums'],
  ['namespace', 'Namespaces'],
];

/** The import specifier of an entry: `@jointok/core`, `@jointok/text/batch`. */
export function specifier(entry) {
  return entry.subpath === '.' ? entry.packageName : `${entry.packageName}/${entry.subpath.slice(2)}`;
}

/** The site path of an entry's page, without extension: `api/core/index`. */
export function pagePath(entry) {
  return `api/${entry.directory}/${entry.slug}`;
}

/**
 * The anchor of one export on its page (kept stable and case-sensitive: `#createQuantizer`). A name with one
 * declaration per build (Node, browser) gets one section per build: the one the `default` build exports
 * (else the first) keeps the plain anchor, so links to `#name` always land; the others add their builds.
 */
export function anchorOf(symbol, entry) {
  const base = symbol.kind === 'interface' || symbol.kind === 'type' ? `type-${symbol.name}` : symbol.name;
  const namesakes = entry.symbols.filter((s) => s.name === symbol.name);
  if (namesakes.length === 1) return base;
  const primary = namesakes.find((s) => s.conditions.includes('default')) ?? namesakes[0];
  return symbol === primary ? base : `${base}-${symbol.conditions.join('-')}`;
}

/** Text for a Vue-compiled markdown page: no raw HTML or `{{` interpolation from comments. */
function prose(text, links) {
  // Split on inline code spans and fences, escaping only the prose between them.
  return text
    .split(/(```[\s\S]*?```|`[^`\n]*`)/g)
    .map((part, i) => (i % 2 === 1 ? part : escapeProse(resolveLinks(part, links))))
    .join('');
}

function escapeProse(text) {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\{\{/g, '&#123;&#123;').replace(/\|/g, '&#124;');
}

/** `{@link name}` / `{@link name | text}` → a link to the export on this page, else code. */
function resolveLinks(text, links) {
  return text.replace(/\{@link(?:code|plain)?\s+([^}|\s]+)\s*(?:\|\s*([^}]*))?\}/g, (_, target, label) => {
    const name = target.replace(/\(\)$/, '');
    const href = links.get(name.split('.')[0]);
    const shown = label?.trim() || name;
    return href ? `[\`${shown}\`](${href})` : `\`${shown}\``;
  });
}

function renderTag(tag, links) {
  const text = tag.text;
  switch (tag.name) {
    case 'example':
      return `**Example**\n\n${/```/.test(text) ? text : `\`\`\`ts\n${text}\n\`\`\``}\n`;
    case 'param': {
      const [, name, rest] = /^(\S+)\s*(?:-\s*)?([\s\S]*)$/.exec(text) ?? [null, text, ''];
      return `- **parameter** \`${name}\`${rest ? ` — ${prose(rest, links)}` : ''}`;
    }
    case 'returns':
    case 'return':
      return `- **returns** ${prose(text, links)}`;
    case 'throws':
      return `- **throws** ${prose(text, links)}`;
    case 'deprecated':
      return `::: warning Deprecated\n${prose(text || 'Do not use in new code.', links)}\n:::\n`;
    case 'see':
      return `- **see** ${prose(text, links)}`;
    case 'typeParam':
    case 'template':
      return `- **type parameter** ${prose(text, links)}`;
    case 'default':
    case 'defaultValue':
      return `- **default** ${prose(text, links)}`;
    default:
      return `- **@${tag.name}** ${prose(text, links)}`;
  }
}

function renderSymbol(symbol, entry, links) {
  const lines = [`### ${symbol.name} {#${anchorOf(symbol, entry)}}`, ''];
  const badges = [symbol.kind];
  if (!symbol.everywhere) badges.push(`${symbol.conditions.join(', ')} entry only`);
  lines.push(`<span class="api-kind">${badges.join(' · ')}</span> <span class="api-source">${symbol.location}</span>`, '');
  if (symbol.signatures.length > 0) lines.push('```ts', ...symbol.signatures, '```', '');
  if (symbol.summary) lines.push(prose(symbol.summary, links), '');
  const listTags = symbol.tags.filter((t) => !['example', 'deprecated', 'remarks', 'internal', 'packageDocumentation'].includes(t.name));
  for (const tag of symbol.tags.filter((t) => t.name === 'deprecated')) lines.push(renderTag(tag, links), '');
  if (listTags.length > 0) lines.push(...listTags.map((tag) => renderTag(tag, links)), '');
  for (const tag of symbol.tags.filter((t) => t.name === 'remarks')) lines.push(prose(tag.text, links), '');
  if (symbol.members.length > 0) {
    lines.push('| member | description |', '|---|---|');
    for (const member of symbol.members) {
      // Entities only: a raw '|' would end the table cell, '<' would open an HTML tag.
      lines.push(`| <code>${escapeProse(member.text)}</code> | ${prose(member.summary, links).replace(/\n+/g, ' ') || ' '} |`);
    }
    lines.push('');
  }
  for (const tag of symbol.tags.filter((t) => t.name === 'example')) lines.push(renderTag(tag, links), '');
  return lines.join('\n');
}

/** The home (`{ entry, symbol }`) of an export that another package declares and documents, else null. */
function foreignHome(entry, symbol, homes) {
  const home = homes?.get(`${symbol.name}\u0000${symbol.location}`);
  return home && home.entry !== entry && !symbol.location.startsWith(`packages/${entry.directory}/`) ? home : null;
}

/** Re-exports as links to the pages that document them, grouped by the entry they come from. */
function renderReexports(reexported) {
  const groups = new Map();
  for (const { symbol, home } of reexported) {
    const from = specifier(home.entry);
    if (!groups.has(from)) groups.set(from, []);
    groups.get(from).push(`[\`${symbol.name}\`](/${pagePath(home.entry)}#${anchorOf(home.symbol, home.entry)})`);
  }
  const out = ['## Re-exported', '', 'Documented on the page of the package that declares them; the same values and types, imported from here.', ''];
  for (const [from, items] of groups) out.push(`### From ${from} {#from-${from.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}}`, '', `${items.length} exports: ${items.join(' · ')}`, '');
  return out;
}

/** The page of one entry; `homes` (from the generator) turns re-exports of other packages into links. */
export function renderEntryPage(entry, homes) {
  const reexported = [];
  const own = [];
  for (const symbol of entry.symbols) {
    const home = foreignHome(entry, symbol, homes);
    if (home) reexported.push({ symbol, home });
    else own.push(symbol);
  }
  // `{@link name}` targets: this page's sections, else the page that documents a re-export.
  const links = new Map();
  for (const s of own) if (!links.has(s.name)) links.set(s.name, `#${anchorOf(s, entry)}`);
  for (const { symbol, home } of reexported) if (!links.has(symbol.name)) links.set(symbol.name, `/${pagePath(home.entry)}#${anchorOf(home.symbol, home.entry)}`);
  const out = [
    '---',
    `title: ${JSON.stringify(specifier(entry))}`,
    'outline: [2, 3]',
    '---',
    '',
    `# ${specifier(entry)}`,
    '',
    '<div v-pre>',
    '',
    `${escapeProse(entry.description)}`,
    '',
    '```ts',
    `import { … } from '${specifier(entry)}';`,
    '```',
    '',
  ];
  if (entry.conditionNames.length > 1) {
    out.push(
      `This entry has ${entry.conditionNames.length} builds, chosen by the package's \`exports\` conditions (${entry.conditionNames.map((c) => `\`${c}\``).join(', ')}); exports marked "entry only" exist in some of them, and a name may have one declaration per build.`,
      '',
    );
  }
  const counted = reexported.length > 0 ? `${entry.symbols.length} exports: ${own.length} declared here, ${reexported.length} re-exported` : `${entry.symbols.length} exports`;
  out.push(`Generated from the TSDoc of \`${entry.directory}/src\` (${counted}).`, '');
  for (const [kind, heading] of KIND_ORDER) {
    const symbols = own.filter((s) => s.kind === kind);
    if (symbols.length === 0) continue;
    out.push(`## ${heading}`, '');
    for (const symbol of symbols) out.push(renderSymbol(symbol, entry, links), '');
  }
  const other = own.filter((s) => !KIND_ORDER.some(([k]) => k === s.kind));
  if (other.length > 0) {
    out.push('## Other', '');
    for (const symbol of other) out.push(renderSymbol(symbol, entry, links), '');
  }
  if (reexported.length > 0) out.push(...renderReexports(reexported));
  out.push('</div>', '');
  return out.join('\n');
}

/** The API index: every package and entry, with its export count. */
export function renderIndexPage(entries) {
  const out = ['---', 'title: API reference', '---', '', '# API reference', '', 'Generated at build time from the TSDoc comments of every public export of every package (the `exports` of each `package.json`; `@jointok/core/internal` has no stability promise and is left out). The build fails when an export has no comment.', ''];
  out.push('| entry | exports | what |', '|---|---:|---|');
  for (const entry of entries) out.push(`| [\`${specifier(entry)}\`](/${pagePath(entry)}) | ${entry.symbols.length} | ${escapeProse(entry.subpath === '.' ? entry.description : '')} |`);
  out.push('');
  return out.join('\n');
}
