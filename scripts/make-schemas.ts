// `npm run schemas`: writes schemas/*.schema.json from the zod schemas (src/cli/json-schemas.ts).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { jsonSchemaFiles } from '../src/cli/json-schemas';

const dir = new URL('../schemas/', import.meta.url);
mkdirSync(dir, { recursive: true });
const files = jsonSchemaFiles();
for (const stale of readdirSync(dir)) if (!(stale in files)) rmSync(new URL(stale, dir));
for (const [name, text] of Object.entries(files)) writeFileSync(new URL(name, dir), text);
console.log(`wrote ${Object.keys(files).length} schemas to schemas/`);
