// Validates the documents buildx-doctor writes against the JSON Schemas it publishes (schema/,
// generated from src/report/*-v1.ts). Called wherever a test already has a report in hand, so that
// every report the tests produce is checked against the contract, not only the fields a test reads.
import { expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';

// Not analyze-text.ts's ROOT: that module validates its analyses with this one.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The schema files, by the document they describe. */
export const SCHEMA_FILES = {
  report: join(ROOT, 'schema', 'report-v1.schema.json'),
  doctor: join(ROOT, 'schema', 'doctor-report-v1.schema.json'),
  history: join(ROOT, 'schema', 'history-v1.schema.json'),
} as const;

type Document = keyof typeof SCHEMA_FILES;

// strict: a schema keyword ajv does not know is an error in the published schema, not something to
// ignore. Union types (`["number", "null"]`) are plain JSON Schema, which strict mode alone refuses.
const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
// ajv-formats is CommonJS: its plugin is the module or its `default`.
const addFormats = ((formats as unknown as { default?: unknown }).default ?? formats) as (a: Ajv) => void;
addFormats(ajv);

const compiled = new Map<Document, ValidateFunction>();

function validatorOf(document: Document): ValidateFunction {
  let validate = compiled.get(document);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILES[document], 'utf8')) as object);
    compiled.set(document, validate);
  }
  return validate;
}

/** How many documents were validated, per kind: a sweep checks it validated what it meant to. */
export const validated: Record<Document, number> = { report: 0, doctor: 0, history: 0 };

/** The schema's complaints about `json` (a parsed document, or its text), one readable line each. */
export function schemaErrors(document: Document, json: unknown): string[] {
  const value: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  const validate = validatorOf(document);
  validated[document]++;
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (e: ErrorObject) =>
      `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && Object.keys(e.params).length > 0 ? ` ${JSON.stringify(e.params)}` : ''}`,
  );
}

/** The analysis report (`--format json`, `--report-file`, the action's `report-file`). */
export function expectValidReport(json: unknown): void {
  expect(schemaErrors('report', json)).toEqual([]);
}

/** The doctor's report alone (`doctor --format json`, the action's `mode: doctor`). */
export function expectValidDoctorReport(json: unknown): void {
  expect(schemaErrors('doctor', json)).toEqual([]);
}

/** The benchmark rows (`history --format json`, the action's `history-file`). */
export function expectValidHistory(json: unknown): void {
  expect(schemaErrors('history', json)).toEqual([]);
}
