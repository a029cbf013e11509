// Validates rendered Kubernetes objects (YAML on standard input): the built-in kinds against the
// Kubernetes API's schemas (kubernetes-models for types, required fields and enumerations;
// @kubernetes/client-node's models for the fields each type has), the operators' kinds against
// their CRDs' openAPIV3Schema vendored in schemas/ (see schemas/SOURCES.md). An unknown field is
// an error, as `kubectl apply`'s strict field validation makes it.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import * as yaml from 'js-yaml';

const here = import.meta.dirname;
const require = createRequire(import.meta.url);
// The package's entry point loads an HTTP client this validator has no use for.
const models = await import(
  path.join(path.dirname(require.resolve('@kubernetes/client-node/package.json')), 'dist/gen/models/ObjectSerializer.js')
);

// Go's regular expressions mark case-insensitivity inline, JavaScript's by a flag.
function goRegExp(source, flags) {
  const insensitive = source.replace(/^(\^?)\(\?i\)/, '$1');
  return new RegExp(insensitive, insensitive === source ? flags : `${flags}i`);
}
goRegExp.code = 'new RegExp';
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, code: { regExp: goRegExp } });
const crdValidators = new Map();

// Closes every structural object schema; the alternatives under oneOf, anyOf, allOf and not only
// constrain the fields their structural schema declares, so they stay open.
function strict(schema) {
  if (Array.isArray(schema)) return schema.map(strict);
  if (!schema || typeof schema !== 'object') return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => {
    if (key === 'properties') return [key, Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, strict(sub)]))];
    if (['oneOf', 'anyOf', 'allOf', 'not'].includes(key)) return [key, value];
    return [key, strict(value)];
  }));
  if (copy.properties && copy.additionalProperties === undefined && !copy['x-kubernetes-preserve-unknown-fields']) {
    copy.additionalProperties = false;
  }
  return copy;
}

function crdValidator(group, version, kind) {
  const key = `${group}_${version}_${kind}`;
  if (!crdValidators.has(key)) {
    const file = path.join(here, 'schemas', `${key}.json`);
    crdValidators.set(key, fs.existsSync(file) ? ajv.compile(strict(JSON.parse(fs.readFileSync(file, 'utf8')))) : null);
  }
  return crdValidators.get(key);
}

const scalar = new Set(['string', 'number', 'boolean', 'Date', 'object', 'any', 'IntOrString']);

function unknownFields(value, type, at, problems) {
  if (value === null || value === undefined || scalar.has(type)) return;
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (Array.isArray(value)) value.forEach((item, i) => unknownFields(item, array[1], `${at}/${i}`, problems));
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (typeof value === 'object') for (const [k, v] of Object.entries(value)) unknownFields(v, map[1], `${at}/${k}`, problems);
    return;
  }
  const model = models[type];
  if (!model || typeof model.getAttributeTypeMap !== 'function') throw new Error(`no model for type ${type}`);
  if (typeof value !== 'object' || Array.isArray(value)) return;
  const attributes = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const [field, sub] of Object.entries(value)) {
    if (!attributes.has(field)) problems.push(`${at}/${field}: unknown field of ${type.replace(/^V\d\w*?(?=[A-Z])/, '')}`);
    else unknownFields(sub, attributes.get(field), `${at}/${field}`, problems);
  }
}

async function validateBuiltIn(object, group, version, kind, problems) {
  let Model;
  try {
    ({ [kind]: Model } = await import(`kubernetes-models/${group ? `${group}/` : ''}${version}/${kind}`));
  } catch {
    return false;
  }
  try {
    new Model(object).validate();
  } catch (e) {
    for (const error of e.errors ?? [e]) problems.push(`${error.instancePath ?? ''} ${error.message}`.trim());
  }
  unknownFields(object, `${version[0].toUpperCase()}${version.slice(1)}${kind}`, '', problems);
  return true;
}

const documents = yaml.loadAll(fs.readFileSync(0, 'utf8')).filter((d) => d);
const label = process.argv[2] ?? 'input';
if (documents.length === 0) {
  console.error(`${label}: nothing to validate`);
  process.exit(1);
}
let failures = 0;
const kinds = new Map();
for (const object of documents) {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
  const name = `${object.kind} ${object.metadata?.namespace ?? '-'}/${object.metadata?.name}`;
  const problems = [];
  const validator = crdValidator(group, version, object.kind);
  if (validator) {
    if (!validator(object)) {
      for (const error of validator.errors) {
        const extra = error.params?.additionalProperty ? ` '${error.params.additionalProperty}'` : '';
        problems.push(`${error.instancePath} ${error.message}${extra}`.trim());
      }
    }
    unknownFields(object.metadata, 'V1ObjectMeta', '/metadata', problems);
  } else if (!(await validateBuiltIn(object, group, version, object.kind, problems))) {
    problems.push(`no schema for ${object.apiVersion} ${object.kind}`);
  }
  kinds.set(object.kind, (kinds.get(object.kind) ?? 0) + 1);
  if (problems.length) {
    failures++;
    console.error(`${label}: ${name} is invalid:`);
    for (const problem of problems) console.error(`  ${problem}`);
  }
}
const summary = [...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ');
console.log(`${label}: ${documents.length} objects (${summary}), ${failures} invalid`);
process.exit(failures ? 1 : 0);
