/**
 * Every regular expression GaitGuard ships runs on text a hostile page controls (notes, labels, selectors,
 * URLs). The engine's patterns have their own test; this one finds every regex literal anywhere in src/ with
 * the TypeScript parser, so a new pattern in the reader, content script, worker or UI cannot skip the check.
 * Dynamic `new RegExp(...)` is only allowed where its source is one of the checked patterns.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { check } from 'recheck';
import { PATTERNS } from '../../../src/engine/note/patterns';

const SRC = fileURLToPath(new URL('../../../src', import.meta.url));

/** The places that build a RegExp at run time from a checked pattern's source; none today. */
const DYNAMIC_ALLOWED = new Set<string>([]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

interface Found {
  where: string;
  source: string;
  flags: string;
}

function collect(): { literals: Found[]; dynamic: string[] } {
  const literals: Found[] = [];
  const dynamic: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    const name = relative(SRC, file);
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const end = node.text.lastIndexOf('/');
        const { line } = tree.getLineAndCharacterOfPosition(node.getStart());
        literals.push({
          where: `${name}:${line + 1}`,
          source: node.text.slice(1, end),
          flags: node.text.slice(end + 1),
        });
      }
      if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === 'RegExp') {
        dynamic.push(`${name}:${node.getText()}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return { literals, dynamic };
}

const { literals, dynamic } = collect();
// The engine's pattern registry, through its compiled form too.
const compiled: Found[] = Object.entries(PATTERNS).map(([name, pattern]) => ({
  where: `PATTERNS.${name}`,
  source: pattern.source,
  flags: pattern.flags,
}));
const unique = new Map<string, Found>();
for (const found of [...literals, ...compiled]) unique.set(`/${found.source}/${found.flags}`, found);

describe('every regular expression in src/ is safe from ReDoS (recheck)', () => {
  it('finds the regexes it is meant to audit', () => {
    // A parser failure or a moved src/ would otherwise make this suite pass vacuously.
    expect(literals.length).toBeGreaterThan(100);
    expect(literals.some((found) => found.where.startsWith('reader/'))).toBe(true);
    expect(literals.some((found) => found.where.startsWith('content/'))).toBe(true);
    expect(literals.some((found) => found.where.startsWith('background/'))).toBe(true);
  });

  it('builds no RegExp from anything but the checked patterns', () => {
    expect(dynamic.filter((call) => !DYNAMIC_ALLOWED.has(call))).toEqual([]);
  });

  it.each(
    [...unique.values()].map((found) => [`${found.where} /${found.source}/${found.flags}`, found] as const),
  )(
    '%s',
    async (_, found) => {
      const result = await check(found.source, found.flags, { timeout: 20_000 });
      expect(
        result.status,
        result.status === 'vulnerable' ? `attack: ${JSON.stringify(result.attack.pattern)}` : '',
      ).toBe('safe');
    },
    60_000,
  );
});
