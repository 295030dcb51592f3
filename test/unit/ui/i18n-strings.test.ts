/**
 * The views speak through _locales/<lang>/messages.json (src/ui/i18n.ts), so a translation is one new file.
 * Words written straight into the markup would stay English in every language: this names each one.
 * Symbols (·, ×, —, *) and text from the report itself (finding messages, codes) are not UI words.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const SPOKEN_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt']);
const WORD = /[A-Za-z]{2,}/;

function viewFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return viewFiles(file);
    return file.endsWith('.tsx') || (file.endsWith('.ts') && !file.endsWith('.d.ts')) ? [file] : [];
  });
}

/** The literal parts of a string or template expression (substitutions left out). */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('');
  return undefined;
}

function hardCodedWords(file: string, source: string): string[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const where = (node: ts.Node) =>
    `${path.relative(ROOT, file)}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && WORD.test(node.text)) found.push(`${where(node)} ${node.text.trim()}`);
    if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      const text = value && literalText(value);
      if (text && WORD.test(text)) found.push(`${where(node)} ${node.name.getText()}="${text}"`);
    }
    // The pill is built with h(tag, attributes, ...children) (src/ui/overlay/dom.ts) instead of JSX.
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'h') {
      const [, attributes, ...children] = node.arguments;
      if (attributes && ts.isObjectLiteralExpression(attributes)) {
        for (const property of attributes.properties) {
          if (!ts.isPropertyAssignment(property)) continue;
          const name = ts.isStringLiteral(property.name) ? property.name.text : property.name.getText();
          const text = SPOKEN_ATTRIBUTES.has(name) ? literalText(property.initializer) : undefined;
          if (text && WORD.test(text)) found.push(`${where(property)} ${name}="${text}"`);
        }
      }
      for (const child of children) {
        const text = literalText(child);
        if (text && WORD.test(text)) found.push(`${where(child)} ${text.trim()}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

describe('UI words come from messages.json', () => {
  it('no view writes words straight into its markup or its spoken attributes', () => {
    const found = viewFiles(path.join(ROOT, 'src/ui')).flatMap((file) =>
      hardCodedWords(file, readFileSync(file, 'utf8')),
    );
    expect(found).toEqual([]);
  });

  it('finds words in text, in labels and in the literal part of a template', () => {
    const sample = `export const A = (n: number) => (
      <p title={\`\${n} open\`} aria-label="Close">
        Reviewed · {n} × <b>{t('undo')}</b>
      </p>
    );`;
    expect(hardCodedWords(path.join(ROOT, 'sample.tsx'), sample)).toEqual([
      'sample.tsx:2 title=" open"',
      'sample.tsx:2 aria-label="Close"',
      'sample.tsx:3 Reviewed ·',
    ]);
  });

  it("finds words in the pill's h() calls: in text children and in spoken attributes", () => {
    const sample = `const pill = (n: number) =>
      h('button', { class: 'gg-pill', 'aria-label': 'Open list', title: \`\${n} open\` },
        '×', h('span', null, 'Findings'), String(n), t('undo'));`;
    expect(hardCodedWords(path.join(ROOT, 'sample.ts'), sample)).toEqual([
      'sample.ts:2 aria-label="Open list"',
      'sample.ts:2 title=" open"',
      'sample.ts:3 Findings',
    ]);
  });
});
