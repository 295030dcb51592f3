/**
 * The note lower-cased once, offset for offset, so whole-note patterns can drop the `i` flag. A pattern
 * with `i` folds only ASCII letters onto ASCII letters, so the lower-cased text must not turn any other
 * character into ASCII nor change the length. String.prototype.toLowerCase does both for exactly two
 * characters: U+0130 (capital I with dot, which becomes two code units) and U+212A (Kelvin sign, which
 * becomes "k"). Notes containing either are lowered by hand, ASCII letters only.
 */
export function asciiLower(text: string): string {
  if (!text.includes('\u0130') && !text.includes('\u212A')) return text.toLowerCase();
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) {
      out += text.slice(from, i) + String.fromCharCode(code + 32);
      from = i + 1;
    }
  }
  return out + text.slice(from);
}
