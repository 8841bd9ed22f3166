import { readFileSync, writeFileSync } from 'node:fs';
import { configTable } from '../src/config-docs';

/** `npm run docs:config`: rewrites the README's configuration table from the schema. */
const START = '<!-- config:start -->';
const END = '<!-- config:end -->';
const readme = readFileSync('README.md', 'utf8');
const before = readme.slice(0, readme.indexOf(START) + START.length);
const after = readme.slice(readme.indexOf(END));
writeFileSync('README.md', `${before}\n${configTable()}\n${after}`);
console.log('README.md: tabela konfiguracji zaktualizowana');
