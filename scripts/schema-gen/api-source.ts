// Reads what the declarations of `@cargo-ai/api` do not say from its compiled JavaScript: which error reasons
// each method can raise, and where its answer keeps `null` values. The client's fetcher deletes every
// null-valued key (`replaceNullByUndefined` defaults to true); a method that passes `replaceNullByUndefined:
// false` keeps them, often only under the fields it copies back after stripping the rest with `nullToUndefined`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const API_DIR = 'node_modules/@cargo-ai/api/build/src/api';
const DOMAINS_DIR = 'node_modules/@cargo-ai/api/build/src/domains';
const REASON_HELPER = 'getErrorWithReasonErrorMessage';
const STRIP_HELPER = 'nullToUndefined';

export interface MethodSource {
  /**
   * Keys of the reason-to-message maps the method passes to the error helper, and the members of a
   * `<Method>FailureReason` type its domain declares for the endpoint (reasons the server sends without the
   * client naming them), sorted.
   */
  errorReasons: string[];
  /** The method passes `replaceNullByUndefined: false` to the fetcher. */
  keepsNulls: boolean;
  /**
   * When nulls survive only under some fields: their property paths (`release.testRecords`, `releases[].testRecords`).
   * Absent when the method keeps nulls everywhere or nowhere.
   */
  nullsKeptAt?: string[];
}

/** `domain.resource.method` → what its implementation tells. */
export function readApiSource(repoRoot: string): Map<string, MethodSource> {
  const dir = path.join(repoRoot, API_DIR);
  const entry = parse(path.join(dir, 'index.js'));
  const builders = domainBuilders(entry);
  const methods = new Map<string, MethodSource>();
  for (const [domain, { builder, file }] of builders) {
    const source = parse(path.join(dir, file));
    const declared = failureReasons(path.join(repoRoot, DOMAINS_DIR, `${domain}.d.ts`));
    const body = builderBody(source, builder);
    if (!body) throw new Error(`${API_DIR}/${file}: no \`${builder}\``);
    const functions = new Map<string, ts.FunctionLikeDeclaration>();
    for (const statement of body.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name) functions.set(statement.name.text, statement);
    }
    const returned = body.statements.find(ts.isReturnStatement)?.expression;
    if (!returned || !ts.isObjectLiteralExpression(returned)) throw new Error(`${API_DIR}/${file}: \`${builder}\` returns no object of resources`);
    for (const resource of returned.properties) {
      if (!ts.isPropertyAssignment(resource) || !ts.isObjectLiteralExpression(resource.initializer)) continue;
      for (const method of resource.initializer.properties) {
        const implementation = methodImplementation(method, functions);
        const name = method.name && propertyName(method.name);
        if (!implementation || !name) continue;
        const described = describeMethod(implementation, functions);
        const functionName = implementation.name && ts.isIdentifier(implementation.name) ? implementation.name.text : undefined;
        const extra = functionName ? declared.get(`${functionName[0].toUpperCase()}${functionName.slice(1)}FailureReason`) : undefined;
        if (extra) described.errorReasons = [...new Set([...described.errorReasons, ...extra])].sort();
        methods.set(`${domain}.${propertyName(resource.name)}.${name}`, described);
      }
    }
  }
  return methods;
}

/** `type XFailureReason = "a" | "b"` declarations of a domain's declaration file, by name. */
function failureReasons(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!existsSync(file)) return out;
  const visit = (node: ts.Node): void => {
    if (ts.isTypeAliasDeclaration(node) && node.name.text.endsWith('FailureReason')) {
      const members = ts.isUnionTypeNode(node.type) ? node.type.types : [node.type];
      const values = members.flatMap((member) => (ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal) ? [member.literal.text] : []));
      if (values.length === members.length) out.set(node.name.text, values);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS));
  return out;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
}

/** `orchestration: buildOrchestrationApi({ fetcher })` in the client, with the file that exports the builder. */
function domainBuilders(entry: ts.SourceFile): Map<string, { builder: string; file: string }> {
  const fileOf = new Map<string, string>();
  for (const statement of entry.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) fileOf.set(element.name.text, statement.moduleSpecifier.text);
  }
  const out = new Map<string, { builder: string; file: string }>();
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isCallExpression(node.initializer) && ts.isIdentifier(node.initializer.expression)) {
      const builder = node.initializer.expression.text;
      const file = fileOf.get(builder);
      if (/^build\w+Api$/.test(builder) && file) out.set(propertyName(node.name), { builder, file });
    }
    ts.forEachChild(node, visit);
  };
  visit(entry);
  return out;
}

function builderBody(source: ts.SourceFile, builder: string): ts.Block | undefined {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer;
      if (ts.isIdentifier(declaration.name) && declaration.name.text === builder && init && ts.isArrowFunction(init) && ts.isBlock(init.body)) return init.body;
    }
  }
  return undefined;
}

function methodImplementation(method: ts.ObjectLiteralElementLike, functions: Map<string, ts.FunctionLikeDeclaration>): ts.FunctionLikeDeclaration | undefined {
  if (ts.isShorthandPropertyAssignment(method)) return functions.get(method.name.text);
  if (ts.isMethodDeclaration(method)) return method;
  if (!ts.isPropertyAssignment(method)) return undefined;
  const value = method.initializer;
  if (ts.isIdentifier(value)) return functions.get(value.text);
  if (ts.isFunctionExpression(value) || ts.isArrowFunction(value)) return value;
  return undefined;
}

function propertyName(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText();
}

/** Reasons and null handling of one method, following the sibling functions it calls. */
function describeMethod(implementation: ts.FunctionLikeDeclaration, functions: Map<string, ts.FunctionLikeDeclaration>): MethodSource {
  const reasons = new Set<string>();
  let keepsNulls = false;
  const seen = new Set<ts.Node>();
  const scan = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const callee = node.expression.text;
      const map = node.arguments[2];
      if (callee === REASON_HELPER && map && ts.isObjectLiteralExpression(map)) {
        for (const property of map.properties) if (property.name) reasons.add(propertyName(property.name));
      }
      const sibling = functions.get(callee);
      if (sibling && !seen.has(sibling)) {
        seen.add(sibling);
        scan(sibling);
      }
    }
    if (ts.isPropertyAssignment(node) && propertyName(node.name) === 'replaceNullByUndefined' && node.initializer.kind === ts.SyntaxKind.FalseKeyword) keepsNulls = true;
    ts.forEachChild(node, scan);
  };
  seen.add(implementation);
  scan(implementation);
  const described: MethodSource = { errorReasons: [...reasons].sort(), keepsNulls };
  if (keepsNulls) {
    const kept = new Set<string>();
    for (const returned of returnedExpressions(implementation)) keptPaths(returned, '', kept);
    if (!kept.has('')) described.nullsKeptAt = [...kept].sort();
  }
  return described;
}

/** The expressions `implementation` itself returns (not those of functions nested in it). */
function returnedExpressions(implementation: ts.FunctionLikeDeclaration): ts.Expression[] {
  const out: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node) && node.expression) out.push(node.expression);
    if (ts.isFunctionLike(node)) return;
    ts.forEachChild(node, visit);
  };
  if (implementation.body) ts.forEachChild(implementation.body, visit);
  return out;
}

/**
 * Adds to `kept` the paths under which `expression` may hold nulls: everything but what went through
 * `nullToUndefined` and the literal shapes rebuilt around it. Whatever the reader cannot follow counts as kept.
 */
function keptPaths(expression: ts.Expression, prefix: string, kept: Set<string>): void {
  const node = skipWrappers(expression);
  if (isStripCall(node) || (ts.isIdentifier(node) && node.text === 'undefined')) return;
  if (ts.isConditionalExpression(node)) {
    keptPaths(node.whenTrue, prefix, kept);
    keptPaths(node.whenFalse, prefix, kept);
    return;
  }
  if (ts.isObjectLiteralExpression(node)) {
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) keptPaths(property.expression, prefix, kept);
      else if (ts.isPropertyAssignment(property)) keptPaths(property.initializer, join(prefix, propertyName(property.name)), kept);
      else if (ts.isShorthandPropertyAssignment(property)) kept.add(join(prefix, property.name.text));
    }
    return;
  }
  // `list.map((item) => ({ ...nullToUndefined(item), field: item.field }))`
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'map') {
    const mapper = node.arguments[0];
    if (mapper && (ts.isArrowFunction(mapper) || ts.isFunctionExpression(mapper))) {
      const results = ts.isBlock(mapper.body) ? returnedExpressions(mapper) : [mapper.body];
      for (const result of results) keptPaths(result, `${prefix}[]`, kept);
      return;
    }
  }
  kept.add(prefix);
}

function skipWrappers(expression: ts.Expression): ts.Expression {
  let node = expression;
  while (ts.isParenthesizedExpression(node) || ts.isAwaitExpression(node)) node = node.expression;
  return node;
}

function isStripCall(node: ts.Expression): boolean {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === STRIP_HELPER;
}

function join(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}
