// @ts-check
/**
 * Keeps the architecture honest (docs/adr/0001):
 * - a server module reaches another module only through its `index.ts`;
 * - a server module touches only its own schema file (`db/schema/<module>.ts`);
 * - platform code never imports modules (modules build on the platform, not the reverse);
 * - the shared package and the web app never import server code, and neither imports Node built-ins.
 */
import { dirname, relative, resolve, sep } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const serverSrc = resolve(root, 'apps/server/src');
const modulesDir = resolve(serverSrc, 'modules');
const schemaDir = resolve(serverSrc, 'db/schema');
const platformDir = resolve(serverSrc, 'platform');
const sharedDir = resolve(root, 'packages/shared/src');
const webDir = resolve(root, 'apps/web/src');
const serverDir = resolve(root, 'apps/server');

/** @param {string} path @param {string} dir */
const inside = (path, dir) => path === dir || path.startsWith(dir + sep);

/** @param {string} path */
function moduleOf(path) {
  if (!inside(path, modulesDir)) return null;
  return relative(modulesDir, path).split(sep)[0] ?? null;
}

/** @param {string} importer @param {string} source */
function resolveImport(importer, source) {
  if (source.startsWith('#shared/')) return resolve(sharedDir, source.slice('#shared/'.length));
  if (source.startsWith('.')) return resolve(dirname(importer), source);
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Modules talk through their public entry; layers import downwards only' },
    schema: [],
  },
  create(context) {
    const importer = context.filename;
    /** @param {any} node @param {string} source */
    function check(node, source) {
      const isBrowserSide = inside(importer, sharedDir) || inside(importer, webDir);
      if (isBrowserSide && source.startsWith('node:')) {
        context.report({ node, message: `Code shared with the browser cannot import ${source}` });
        return;
      }
      const target = resolveImport(importer, source);
      if (!target) return;
      if (isBrowserSide && inside(target, serverDir)) {
        context.report({ node, message: 'The web app and the shared package cannot import server code' });
        return;
      }
      if (inside(importer, platformDir) && inside(target, modulesDir)) {
        context.report({ node, message: 'Platform code cannot import a module; pass what it needs in' });
        return;
      }
      const from = moduleOf(importer);
      const to = moduleOf(target);
      if (to && to !== from && target !== resolve(modulesDir, to, 'index.ts')) {
        context.report({ node, message: `Import module "${to}" through its index.ts, not its internals` });
        return;
      }
      if (from && inside(target, schemaDir) && target !== resolve(schemaDir, `${from}.ts`)) {
        context.report({
          node,
          message: `Module "${from}" may use only its own tables (db/schema/${from}.ts); call the owning module's service`,
        });
      }
    }
    return {
      ImportDeclaration: (node) => check(node, String(node.source.value)),
      ExportNamedDeclaration: (node) => node.source && check(node, String(node.source.value)),
      ExportAllDeclaration: (node) => check(node, String(node.source.value)),
      ImportExpression: (node) =>
        node.source.type === 'Literal' &&
        typeof node.source.value === 'string' &&
        check(node, node.source.value),
    };
  },
};
