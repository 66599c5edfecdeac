/** The boundaries of design.md §1, checked in `npm test`. */
const contexts = ['identity', 'org-structure', 'process-engine', 'forms', 'content'];

// Allowed direction: identity <- org-structure <- process-engine -> forms, content.
const allowed = {
  identity: [],
  'org-structure': ['identity'],
  'process-engine': ['identity', 'org-structure', 'forms', 'content'],
  forms: ['identity'],
  content: ['identity'],
};

const contextRules = contexts.flatMap((from) =>
  contexts
    .filter((to) => to !== from)
    .map((to) =>
      allowed[from].includes(to)
        ? {
            name: `${from}-only-through-${to}-index`,
            comment: `${from} may use ${to} only through src/${to}/index.ts`,
            severity: 'error',
            from: { path: `^src/${from}/` },
            to: { path: `^src/${to}/`, pathNot: `^src/${to}/index\\.ts$` },
          }
        : {
            name: `${from}-not-to-${to}`,
            comment: `${from} must not depend on ${to} (design.md §1 direction)`,
            severity: 'error',
            from: { path: `^src/${from}/` },
            to: { path: `^src/${to}/` },
          },
    ),
);

module.exports = {
  forbidden: [
    ...contextRules,
    {
      name: 'libs-not-to-src',
      comment: 'libs/* never imports src/*',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^src/' },
    },
    {
      name: 'kernel-and-contracts-import-nothing',
      comment: 'libs/kernel and libs/contracts import nothing outside themselves',
      severity: 'error',
      from: { path: '^libs/(kernel|contracts)/' },
      to: { pathNot: '^libs/(kernel|contracts)/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ folders use no framework, ORM or driver',
      severity: 'error',
      from: { path: '^src/[^/]+/domain/' },
      // express the package, not every path with the word in it (domain/expressions)
      to: { path: '(@nestjs|typeorm|^pg$|node_modules/pg/|node_modules/express/|^express$)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
