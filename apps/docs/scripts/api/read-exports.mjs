// Reads every export of the public entries with the TypeScript compiler API: its kind, signature, TSDoc
// summary and tags, and where it is declared.
import { relative } from 'node:path';
import ts from 'typescript';

const MAX_TYPE_TEXT = 600;

/**
 * One program over every entry's sources; for each entry, its exports merged across export conditions
 * (`conditions` lists where each declaration is what the entry exports).
 */
export function readEntries(entries, repositoryRoot, sourcePaths) {
  const files = [...new Set(entries.flatMap((entry) => Object.values(entry.sources)))];
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.es2024.string.d.ts', 'lib.dom.d.ts'],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    // The packages would resolve each other through node_modules to their built declarations; map them
    // to their sources instead, so that no build is needed and re-exports point at the source.
    baseUrl: repositoryRoot,
    paths: sourcePaths,
  });
  const checker = program.getTypeChecker();
  return entries.map((entry) => {
    const byKey = new Map();
    for (const [condition, file] of Object.entries(entry.sources)) {
      const sourceFile = program.getSourceFile(file);
      if (!sourceFile) throw new Error(`TypeScript could not read ${file}`);
      const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
      for (const exported of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []) {
        const described = describeExport(exported, checker, repositoryRoot);
        const key = `${described.name}\u0000${described.location}`;
        const known = byKey.get(key);
        if (known) known.conditions.push(condition);
        else byKey.set(key, { ...described, conditions: [condition] });
      }
    }
    const all = Object.keys(entry.sources);
    const symbols = [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
    for (const symbol of symbols) symbol.everywhere = all.every((c) => symbol.conditions.includes(c));
    return { ...entry, conditionNames: all, symbols };
  });
}

function describeExport(exported, checker, repositoryRoot) {
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const declarations = symbol.getDeclarations() ?? [];
  const first = declarations[0];
  const sourceFile = first?.getSourceFile();
  const location = sourceFile ? `${relative(repositoryRoot, sourceFile.fileName)}:${sourceFile.getLineAndCharacterOfPosition(first.getStart()).line + 1}` : '(unknown)';
  const kind = kindOf(symbol, first);
  return {
    name: exported.getName(),
    kind,
    location,
    summary: ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim(),
    tags: symbol.getJsDocTags(checker).map((tag) => ({ name: tag.name, text: ts.displayPartsToString(tag.text ?? []).trim() })),
    signatures: signaturesOf(symbol, first, kind, checker),
    members: kind === 'interface' || kind === 'class' ? membersOf(symbol, checker) : [],
  };
}

function kindOf(symbol, declaration) {
  if (symbol.flags & ts.SymbolFlags.Class) return 'class';
  if (symbol.flags & ts.SymbolFlags.Function) return 'function';
  if (symbol.flags & ts.SymbolFlags.Interface) return 'interface';
  if (symbol.flags & ts.SymbolFlags.TypeAlias) return 'type';
  if (symbol.flags & ts.SymbolFlags.Enum) return 'enum';
  if (symbol.flags & ts.SymbolFlags.Variable) return 'variable';
  if (symbol.flags & ts.SymbolFlags.Module) return 'namespace';
  return declaration ? ts.SyntaxKind[declaration.kind] : 'unknown';
}

const printFlags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.WriteArrowStyleSignature | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;

function clip(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TYPE_TEXT ? `${flat.slice(0, MAX_TYPE_TEXT)} …` : flat;
}

function signaturesOf(symbol, declaration, kind, checker) {
  const name = symbol.getName();
  if (!declaration) return [];
  if (kind === 'function') {
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
    return type.getCallSignatures().map((s) => `function ${name}${clip(checker.signatureToString(s, declaration, printFlags & ~ts.TypeFormatFlags.WriteArrowStyleSignature))}`);
  }
  if (kind === 'variable') {
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
    return [`const ${name}: ${clip(checker.typeToString(type, declaration, printFlags))}`];
  }
  if (kind === 'type' && ts.isTypeAliasDeclaration(declaration)) {
    const parameters = declaration.typeParameters ? `<${declaration.typeParameters.map((p) => p.getText()).join(', ')}>` : '';
    return [`type ${name}${parameters} = ${clip(declaration.type.getText())}`];
  }
  if (kind === 'interface' && ts.isInterfaceDeclaration(declaration)) {
    const parameters = declaration.typeParameters ? `<${declaration.typeParameters.map((p) => p.getText()).join(', ')}>` : '';
    const heritage = declaration.heritageClauses?.map((h) => h.getText()).join(' ') ?? '';
    return [`interface ${name}${parameters}${heritage ? ` ${clip(heritage)}` : ''}`];
  }
  if (kind === 'class' && ts.isClassDeclaration(declaration)) {
    const heritage = declaration.heritageClauses?.map((h) => h.getText()).join(' ') ?? '';
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
    const constructors = type.getConstructSignatures().map((s) => `new ${name}${clip(checker.signatureToString(s, declaration, printFlags & ~ts.TypeFormatFlags.WriteArrowStyleSignature).replace(/:[^:]*$/, ''))}`);
    return [`class ${name}${heritage ? ` ${clip(heritage)}` : ''}`, ...constructors];
  }
  if (kind === 'enum') return [`enum ${name}`];
  return [];
}

/** Public members declared on the interface or class itself (inherited ones are on their own pages). */
function membersOf(symbol, checker) {
  const out = [];
  const members = symbol.members ? [...symbol.members.values()] : [];
  for (const member of members) {
    const declaration = member.getDeclarations()?.[0];
    if (!declaration) continue;
    const modifiers = ts.canHaveModifiers(declaration) ? ts.getModifiers(declaration) ?? [] : [];
    if (modifiers.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword)) continue;
    if (ts.isConstructorDeclaration(declaration) || member.getName().startsWith('#') || member.getName() === '__constructor') continue;
    let text;
    if (ts.isIndexSignatureDeclaration(declaration) || ts.isCallSignatureDeclaration(declaration) || ts.isConstructSignatureDeclaration(declaration)) text = declaration.getText();
    else if (ts.isMethodSignature(declaration) || ts.isMethodDeclaration(declaration)) {
      const type = checker.getTypeOfSymbolAtLocation(member, declaration);
      text = type.getCallSignatures().map((s) => `${member.getName()}${checker.signatureToString(s, declaration, printFlags & ~ts.TypeFormatFlags.WriteArrowStyleSignature)}`).join('\n');
    } else {
      const readonly = modifiers.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword) ? 'readonly ' : '';
      const optional = member.flags & ts.SymbolFlags.Optional ? '?' : '';
      const typeNode = declaration.type;
      const typeText = typeNode ? typeNode.getText() : checker.typeToString(checker.getTypeOfSymbolAtLocation(member, declaration), declaration, printFlags);
      const isStatic = modifiers.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ? 'static ' : '';
      text = `${isStatic}${readonly}${displayName(member.getName())}${optional}: ${typeText}`;
    }
    out.push({ name: member.getName(), text: clip(text), summary: ts.displayPartsToString(member.getDocumentationComment(checker)).trim() });
  }
  return out;
}

function displayName(name) {
  if (name.startsWith('__@')) return `[${name.slice(3).replace(/@\d+$/, '')}]`;
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}
