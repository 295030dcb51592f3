/**
 * Shipped sizes, gzip -9, from dist/chrome: the content script, the popup and the side panel each with what
 * it loads (a chunk the two share counts in both), the tree.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Local scripts and stylesheets an HTML page loads, and the chunks each script imports, transitively. */
function pageClosure(dist: string, htmlFile: string): string[] {
  const seen = new Set<string>([htmlFile]);
  const queue = [htmlFile];
  const add = (from: string, ref: string): void => {
    if (/^[a-z]+:/i.test(ref)) return;
    const target = ref.startsWith('/') ? join(dist, ref) : resolve(dirname(from), ref);
    if (!seen.has(target)) {
      seen.add(target);
      queue.push(target);
    }
  };
  while (queue.length > 0) {
    const file = queue.shift()!;
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.html')) {
      for (const match of text.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g))
        add(file, match[1]!);
    } else if (file.endsWith('.js')) {
      for (const match of text.matchAll(/\b(?:import|from)\s*\(?\s*["']([^"']+\.(?:js|css))["']/g)) {
        add(file, match[1]!);
      }
    }
  }
  return [...seen];
}

export interface SizeBench {
  content_gz_bytes: number;
  popup_gz_bytes: number;
  sidepanel_gz_bytes: number;
  dist_gz_bytes: number;
  popup_files: string[];
}

export function benchSizes(distDir: string): SizeBench {
  // Absolute, so a chunk reached both from the HTML (/assets/…) and from an import (./…) counts once.
  const dist = resolve(distDir);
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    action: { default_popup: string };
    side_panel?: { default_path: string };
    sidebar_action?: { default_panel: string };
  };
  const popupFiles = pageClosure(dist, join(dist, manifest.action.default_popup));
  const sidePanel = manifest.side_panel?.default_path ?? manifest.sidebar_action?.default_panel;
  const sidePanelFiles = sidePanel ? pageClosure(dist, join(dist, sidePanel)) : [];
  return {
    content_gz_bytes: gzipBytes(join(dist, 'src/content/content-script.js')),
    popup_gz_bytes: popupFiles.reduce((sum, file) => sum + gzipBytes(file), 0),
    sidepanel_gz_bytes: sidePanelFiles.reduce((sum, file) => sum + gzipBytes(file), 0),
    dist_gz_bytes: filesUnder(dist).reduce((sum, file) => sum + gzipBytes(file), 0),
    popup_files: popupFiles.map((file) => relative(dist, file).split(/[\\/]/).join(posix.sep)).sort(),
  };
}
