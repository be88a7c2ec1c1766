// Validates Kubernetes objects (a JSON array in the file named by argv[2]) with kubernetes-models:
// its validators, generated from the Kubernetes OpenAPI schemas, check types, formats and required
// fields; they let unknown fields through, so every field is also looked up in the model's own
// declarations (its .d.ts interfaces, generated from the same schemas). Prints one JSON object per
// input object: {kind, name, errors: [...]}.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";

const require = createRequire(import.meta.url);
const root = dirname(require.resolve("kubernetes-models/package.json"));

/** apiVersion -> the package directory of its group and version. */
function modelDir(apiVersion) {
  return apiVersion.includes("/") ? apiVersion : "v1";
}

const interfaces = new Map();

/** The fields of interface `name` declared in `file`: {field: type text}, and the file's imports. */
function declarations(file) {
  if (interfaces.has(file)) return interfaces.get(file);
  const text = readFileSync(file, "utf8").replace(/\/\*\*[\s\S]*?\*\//g, "");
  const imports = {};
  for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) imports[m[1]] = m[2];
  const body = text.match(/export interface \w+(?: extends \w+)? \{\n([\s\S]*?)\n\}/);
  const fields = {};
  if (body) {
    const lines = body[1].split("\n");
    for (let i = 0; i < lines.length; i++) {
      const m = lines[i].match(/^    "([^"]+)"\??: (.*)$/);
      if (!m) continue;
      let type = m[2];
      if (type === "{") { // a map: { [key: string]: VALUE; }
        const value = lines[i + 1].match(/\[key: string\]: (.*);/);
        type = "map:" + (value ? value[1] : "unknown");
      }
      fields[m[1]] = type.replace(/;$/, "");
    }
  }
  const result = { fields, imports, file };
  interfaces.set(file, result);
  return result;
}

function resolveImport(decl, type) {
  const from = decl.imports[type];
  if (!from) return null;
  // a relative import, or a package's file by its path under node_modules
  const path = (from.startsWith(".") ? resolve(dirname(decl.file), from) : resolve(dirname(root), from)).replace(/\.js$/, "") + ".d.ts";
  const text = readFileSync(path, "utf8");
  return /export interface/.test(text) ? path : null; // a type alias (IntOrString, Quantity): no fields
}

function unknownFields(value, file, at, errors) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return;
  const decl = declarations(file);
  for (const [key, child] of Object.entries(value)) {
    const type = decl.fields[key];
    if (type === undefined) {
      errors.push(`${at}/${key}: no such field`);
      continue;
    }
    check(child, type, decl, `${at}/${key}`, errors);
  }
}

function check(value, type, decl, at, errors) {
  if (type.startsWith("map:")) {
    if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) check(v, type.slice(4), decl, `${at}/${k}`, errors);
    return;
  }
  const array = type.match(/^Array<(\w+)>$/);
  if (array) {
    if (Array.isArray(value)) value.forEach((v, i) => check(v, array[1], decl, `${at}/${i}`, errors));
    return;
  }
  if (/^I\w+$/.test(type)) {
    const file = resolveImport(decl, type);
    if (file) unknownFields(value, file, at, errors);
  }
}

const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
for (const object of objects) {
  const errors = [];
  const kind = object.kind;
  let Model;
  try {
    Model = (await import(`kubernetes-models/${modelDir(object.apiVersion)}/${kind}`))[kind];
  } catch (e) {
    errors.push(`no model for ${object.apiVersion} ${kind}`);
  }
  if (Model) {
    try {
      new Model(object).validate();
    } catch (e) {
      errors.push(String(e.message || e));
    }
    unknownFields(object, resolve(root, modelDir(object.apiVersion), kind + ".d.ts"), "", errors);
  }
  console.log(JSON.stringify({ kind, name: object.metadata && object.metadata.name, errors }));
}
