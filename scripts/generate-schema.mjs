// Generates the published JSON Schemas in schema/ from the report types (src/report/*-v1.ts), so that
// the schema, the types the writer must satisfy and (through their doc comments) the descriptions
// cannot drift apart. `npm run schema` writes them; `node scripts/generate-schema.mjs --check` fails
// when a committed schema differs from what the types generate (a test runs it). `--dir DIR` reads
// and writes DIR/schema/ instead of ./schema/ (the test checks that the check catches a stale file).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';

/** One schema file per document buildx-doctor writes, named after its version. */
export const SCHEMAS = [
  { type: 'ReportV1', file: 'schema/report-v1.schema.json', title: 'buildx-doctor JSON report, schemaVersion 1' },
  { type: 'DoctorReportV1', file: 'schema/doctor-report-v1.schema.json', title: "buildx-doctor doctor's JSON report, schemaVersion 1" },
  { type: 'HistoryV1', file: 'schema/history-v1.schema.json', title: 'buildx-doctor benchmark rows (history), schemaVersion 1' },
];

/** The schemas' text as the types give them today: `[{ file, text }]`. */
export function generateSchemas() {
  const generator = createGenerator({
    path: 'src/report/*-v1.ts',
    tsconfig: 'tsconfig.json',
    // The report's own field order (as the README shows it), not alphabetical.
    sortProps: false,
    // Every field the writer adds must be in the type: the tests validate every report with these.
    additionalProperties: false,
    // The tests validate the same types' values; tsc already checked these files.
    skipTypeCheck: true,
  });
  return SCHEMAS.map(({ type, file, title }) => {
    const generated = generator.createSchema(type);
    const schema = { $schema: generated.$schema, title, ...generated };
    return { file, text: `${JSON.stringify(schema, null, 2)}\n` };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dirAt = process.argv.indexOf('--dir');
  const base = dirAt > 0 ? (process.argv[dirAt + 1] ?? '.') : '.';
  const stale = [];
  for (const { file, text } of generateSchemas()) {
    if (process.argv.includes('--check')) {
      let current = null;
      try {
        current = readFileSync(join(base, file), 'utf8');
      } catch {
        // A missing file is as stale as a different one.
      }
      if (current !== text) stale.push(file);
    } else {
      writeFileSync(join(base, file), text);
    }
  }
  if (stale.length > 0) {
    console.error(`${stale.join(', ')} stale: run 'npm run schema' and commit schema/ with the change to src/report/*-v1.ts.`);
    process.exit(1);
  }
}
