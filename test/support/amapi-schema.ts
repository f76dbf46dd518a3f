import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as ts from 'typescript';

/**
 * A runtime check of a JSON body against the `Schema$…` interfaces of the official client library
 * (`@googleapis/androidmanagement`, read from its own .d.ts with the TypeScript compiler): every
 * field name must exist and every value must have the declared type, at any depth. What the fake
 * AMAPI uses to refuse a policy Google would not understand.
 */
type Shape =
  | { kind: 'string' | 'number' | 'boolean' | 'any' }
  | { kind: 'array'; of: Shape }
  | { kind: 'map'; of: Shape }
  | { kind: 'ref'; name: string };

let schemas: Map<string, Map<string, Shape>> | undefined;

function loadSchemas(): Map<string, Map<string, Shape>> {
  if (schemas) return schemas;
  const file = join(dirname(require.resolve('@googleapis/androidmanagement')), 'v1.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found = new Map<string, Map<string, Shape>>();
  const visit = (node: ts.Node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text.startsWith('Schema$')) {
      const fields = new Map<string, Shape>();
      for (const member of node.members) {
        if (ts.isPropertySignature(member) && member.type)
          fields.set(member.name.getText(source), shapeOf(member.type));
      }
      found.set(node.name.text.slice('Schema$'.length), fields);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!found.has('Policy')) throw new Error(`No Schema$Policy in ${file}`);
  return (schemas = found);
}

function shapeOf(type: ts.TypeNode): Shape {
  if (ts.isUnionTypeNode(type)) {
    const kept = type.types.filter((t) => !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword));
    return kept.length === 1 ? shapeOf(kept[0]) : { kind: 'any' };
  }
  if (ts.isParenthesizedTypeNode(type)) return shapeOf(type.type);
  if (ts.isArrayTypeNode(type)) return { kind: 'array', of: shapeOf(type.elementType) };
  if (ts.isTypeReferenceNode(type)) {
    const name = type.typeName.getText();
    return name.startsWith('Schema$') ? { kind: 'ref', name: name.slice('Schema$'.length) } : { kind: 'any' };
  }
  if (ts.isTypeLiteralNode(type)) {
    const index = type.members.find(ts.isIndexSignatureDeclaration);
    return index ? { kind: 'map', of: shapeOf(index.type) } : { kind: 'any' };
  }
  switch (type.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { kind: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { kind: 'number' };
    case ts.SyntaxKind.BooleanKeyword:
      return { kind: 'boolean' };
    default:
      return { kind: 'any' };
  }
}

/** The problems of `value` as a `Schema$<schema>`, as `path: problem` strings (empty: valid). */
export function schemaProblems(schema: string, value: unknown): string[] {
  const problems: string[] = [];
  check({ kind: 'ref', name: schema }, value, schema, problems);
  return problems;
}

function check(shape: Shape, value: unknown, path: string, problems: string[]): void {
  if (value === null || shape.kind === 'any') return;
  switch (shape.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      if (typeof value !== shape.kind) problems.push(`${path}: expected ${shape.kind}, got ${JSON.stringify(value)}`);
      return;
    case 'array':
      if (!Array.isArray(value)) return void problems.push(`${path}: expected an array`);
      value.forEach((item, i) => check(shape.of, item, `${path}[${i}]`, problems));
      return;
    case 'map':
      if (typeof value !== 'object' || Array.isArray(value)) return void problems.push(`${path}: expected an object`);
      for (const [key, item] of Object.entries(value)) check(shape.of, item, `${path}.${key}`, problems);
      return;
    case 'ref': {
      const fields = loadSchemas().get(shape.name);
      if (!fields) return;
      if (typeof value !== 'object' || Array.isArray(value)) return void problems.push(`${path}: expected an object`);
      for (const [key, item] of Object.entries(value)) {
        const field = fields.get(key);
        if (!field) problems.push(`${path}.${key}: unknown field of ${shape.name}`);
        else check(field, item, `${path}.${key}`, problems);
      }
    }
  }
}
