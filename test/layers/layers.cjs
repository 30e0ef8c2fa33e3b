// The layers of scripts/, in pipeline order: each folder may import only itself and the folders before it.
// dependency-cruiser reads this (test/layers/layers.test.ts runs it in `npm test`).
const LAYERS = ['core', 'load', 'parse', 'extract', 'schema', 'rules', 'engine', 'report', 'commands'];

const upward = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `${layer}-imports-a-later-layer`,
  comment: `scripts/${layer} stands before ${LAYERS.slice(index + 1).join(', ')} and may not import them`,
  severity: 'error',
  from: { path: `^scripts/${layer}/` },
  to: { path: `^scripts/(${LAYERS.slice(index + 1).join('|')})/` },
}));

module.exports = {
  LAYERS,
  forbidden: [
    ...upward,
    {
      name: 'no-circular',
      comment: 'an import circle makes load order matter and hides which module owns what',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'runtime-imports-schema-generator',
      comment: 'the schema generator (scripts/schema-gen) runs at build time only: it loads TypeScript',
      severity: 'error',
      from: { path: `^scripts/(${LAYERS.join('|')})/` },
      to: { path: '^scripts/schema-gen/' },
    },
    {
      name: 'layer-imports-tooling',
      comment: 'bench and bin sit on top of everything',
      severity: 'error',
      from: { path: `^scripts/(${LAYERS.join('|')}|schema-gen)/` },
      to: { path: '^scripts/(bench|bin)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
  },
};
