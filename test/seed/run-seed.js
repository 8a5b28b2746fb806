// Runs test/seed/seed.ts against the compiled library (lib/): transpiles it with the project's TypeScript
// (no type check here; `tsc -p test/tsconfig.json` type-checks it) and executes it.
// Usage: node test/seed/run-seed.js <template-output.json>
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const file = path.join(__dirname, 'seed.ts');
const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
  fileName: file,
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
});
const seed = new module.constructor(file, module);
seed.filename = file;
seed.paths = module.constructor._nodeModulePaths(__dirname);
process.argv = [process.argv[0], file, ...process.argv.slice(2)];
seed._compile(outputText, file);
